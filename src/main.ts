import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap';
import { appConfig } from './config/app.config';
import { loadEnvFile } from './config/env-file';
import { ConfigurationError } from './config/validate-environment';
import { abandonStdoutLog, ignoreBrokenStdio, settleStdoutLog } from './ops/logging/stdout-log';
import { shutdownDeadline, shutdownGracefully } from './ops/shutdown/graceful-shutdown';

/** Longest the last log lines may hold up the exit when standard output does not take them. */
const LAST_LOGS_MS = 1000;

/** Leaves the watchdog this much time, so an exit with a clean code always comes first. */
const WATCHDOG_MARGIN_MS = 200;

/** Exits once the last log lines are out, or earlier than `deadline` if stdout does not take them. */
async function exitAfterLogs(code: number, deadline: number): Promise<never> {
  const left = deadline - WATCHDOG_MARGIN_MS - performance.now();
  await settleStdoutLog(Math.min(LAST_LOGS_MS, left));
  process.exit(code);
}

/**
 * Starts the server (design.md §2): `.env`, bootstrap, listen, and graceful shutdown on
 * SIGTERM/SIGINT that ends within `SHUTDOWN_DELAY_MS` + `SHUTDOWN_TIMEOUT_MS` whatever state
 * standard output is in (closed or full pipe).
 */
async function main(): Promise<void> {
  ignoreBrokenStdio();
  const envFile = loadEnvFile(process.env);
  const app = await createApp();
  const { host, port, issuer } = appConfig();
  await app.listen({ host, port });
  const logger = new Logger('Main');
  if (envFile !== undefined) logger.log(`Read the environment file ${envFile}`);
  logger.log(`Listening on http://${host}:${port} (issuer ${issuer})`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    const deadline = shutdownDeadline(app);
    // Whatever hangs (a hook, a socket), the process is gone by the deadline.
    setTimeout(() => {
      abandonStdoutLog();
      process.exit(1);
    }, deadline - performance.now()).unref();
    shutdownGracefully(app, signal).then(
      (code) => exitAfterLogs(code, deadline),
      (error: unknown) => {
        logger.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        return exitAfterLogs(1, deadline);
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
