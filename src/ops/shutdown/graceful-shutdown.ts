import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { opsConfig, type OpsConfig } from '../../config/ops.config';
import { ReadinessState } from '../health/readiness-state';

/** Part of `SHUTDOWN_TIMEOUT_MS` kept for closing the application and writing the last logs. */
function closingReserveMs(timeoutMs: number): number {
  return Math.min(1000, Math.floor(timeoutMs / 4));
}

/** When the whole shutdown must be over: `SHUTDOWN_DELAY_MS` + `SHUTDOWN_TIMEOUT_MS` from now. */
export function shutdownDeadline(app: NestFastifyApplication): number {
  const { shutdown } = app.get<OpsConfig>(opsConfig.KEY);
  return performance.now() + shutdown.delayMs + shutdown.timeoutMs;
}

/**
 * Stops the server gracefully and returns the exit code:
 * 1. readiness turns red (`/health/ready` answers 503) and, after `SHUTDOWN_DELAY_MS`,
 * 2. the listener closes: new connections are refused, idle keep-alive connections are closed and
 *    requests arriving on busy ones get 503 (Fastify `return503OnClosing`);
 * 3. in-flight requests get the rest of `SHUTDOWN_TIMEOUT_MS`, less a reserve for step 4, after
 *    which their connections are cut (exit code 1);
 * 4. the application closes: Redis connections quit and the embedded engine stops
 *    (`onApplicationShutdown` hooks).
 * The caller bounds the whole with a watchdog at {@link shutdownDeadline}.
 */
export async function shutdownGracefully(
  app: NestFastifyApplication,
  signal: string,
): Promise<number> {
  const logger = new Logger('Shutdown');
  const config = app.get<OpsConfig>(opsConfig.KEY);
  app.get(ReadinessState).markDraining();
  logger.log(`${signal}: readiness is red, draining`);
  if (config.shutdown.delayMs > 0) await sleep(config.shutdown.delayMs);
  const fastify = app.getHttpAdapter().getInstance();
  const drainMs = config.shutdown.timeoutMs - closingReserveMs(config.shutdown.timeoutMs);
  const timer = new AbortController();
  const closed = fastify.close().then(() => true);
  // Connections that finish their last request while draining are closed as they go idle.
  const sweeper = setInterval(() => fastify.server.closeIdleConnections(), 100);
  const expired = sleep(drainMs, false, { signal: timer.signal }).catch(() => false);
  const drained = await Promise.race([closed, expired]);
  timer.abort();
  clearInterval(sweeper);
  if (!drained) {
    logger.warn(`in-flight requests still running after ${drainMs} ms: cut`);
    fastify.server.closeAllConnections();
    await closed;
  }
  await app.close();
  logger.log('stopped');
  return drained ? 0 : 1;
}
