import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The demo `config/` folder shipped with the package: found by walking up from this file (it sits
 * in `src/module/` in a checkout and in `dist/src/module/` in the installed package), so it does
 * not depend on the host's working directory.
 */
export function shippedConfigDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'config');
    if (existsSync(join(candidate, 'engine.json')) && existsSync(join(dir, 'package.json'))) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return join(process.cwd(), 'config');
    dir = parent;
  }
}
