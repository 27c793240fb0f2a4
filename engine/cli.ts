/**
 * `npm run engine`: runs the local engine alone, configured from the environment (the only place
 * the engine reads it): ENGINE_PORT (default 8081), ENGINE_HOST, ENGINE_CONFIG (default
 * `config/engine.json`), ENGINE_DATA_DIR (default `.data`), ENGINE_ISSUER, ENGINE_ACCESS_TOKEN.
 */
import { startEngine } from './index';

async function main(): Promise<void> {
  const port = Number(process.env.ENGINE_PORT ?? '8081');
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`ENGINE_PORT must be a port number (got "${process.env.ENGINE_PORT ?? ''}")`);
  }
  const engine = await startEngine({
    port,
    config: process.env.ENGINE_CONFIG ?? 'config/engine.json',
    dataDir: process.env.ENGINE_DATA_DIR ?? '.data',
    host: process.env.ENGINE_HOST,
    issuer: process.env.ENGINE_ISSUER,
    accessToken: process.env.ENGINE_ACCESS_TOKEN,
  });
  process.stdout.write(
    `Local Authlete engine listening\n  url:         ${engine.url}\n  serviceId:   ${engine.serviceId}\n  accessToken: ${engine.accessToken}\n`,
  );
  const stop = (): void => {
    engine.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
