import { rmSync } from 'node:fs';

/** Jest global tear-down: removes the temporary directory global-setup.ts created. */
export default function globalTeardown(): void {
  const dir = process.env.ENGINE_DATA_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
}
