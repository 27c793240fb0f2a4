import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { appConfig } from './config/app.config';
import { ConfigurationError } from './config/validate-environment';

/** Starts the server (design.md §2): bootstrap only. */
async function main(): Promise<void> {
  const app = await createApp();
  const { host, port, issuer } = appConfig();
  await app.listen({ host, port });
  new Logger('Main').log(`Listening on http://${host}:${port} (issuer ${issuer})`);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigurationError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
