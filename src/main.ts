import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { appConfig } from './config/app.config';
import { ConfigurationError } from './config/validate-environment';
import { shutdownGracefully } from './ops/shutdown/graceful-shutdown';

/** Starts the server (design.md §2): bootstrap, listen, and graceful shutdown on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const app = await createApp();
  const { host, port, issuer } = appConfig();
  await app.listen({ host, port });
  const logger = new Logger('Main');
  logger.log(`Listening on http://${host}:${port} (issuer ${issuer})`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    shutdownGracefully(app, signal).then(
      (code) => process.exit(code),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigurationError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
