import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of config/engine.json tests edit (docs/engine.md). */
export interface EngineConfigFile {
  service: Record<string, unknown>;
  clients: Record<string, unknown>[];
}

/** The demo client of config/engine.json with this alias; throws when there is none. */
export function demoClient(config: EngineConfigFile, alias: string): Record<string, unknown> {
  const client = config.clients.find((candidate) => candidate.clientIdAlias === alias);
  if (client === undefined) throw new Error(`${alias} missing from config/engine.json`);
  return client;
}

/** Writes an edited copy of config/engine.json to `dir/engine.json` and returns its path. */
export function writeEngineConfig(dir: string, edit: (config: EngineConfigFile) => void): string {
  const config = JSON.parse(readFileSync('config/engine.json', 'utf8')) as EngineConfigFile;
  edit(config);
  const path = join(dir, 'engine.json');
  writeFileSync(path, JSON.stringify(config));
  return path;
}
