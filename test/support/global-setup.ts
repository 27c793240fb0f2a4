import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Jest global set-up: a fresh temporary directory for everything the suites persist (the embedded
 * engine's generated signing keys), so no test writes into the repository's `.data/`. Workers and
 * the processes tests spawn inherit ENGINE_DATA_DIR; global-teardown.ts removes the directory.
 */
export default function globalSetup(): void {
  process.env.ENGINE_DATA_DIR = mkdtempSync(join(tmpdir(), 'nestjs-oauth-test-'));
}
