import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { EmbeddedEngine } from '../engine/index.js';
import { AuthleteConnection } from './authlete/authlete-connection';
import { appConfig, type AppConfig } from './config/app.config';
import { authleteConfig, type AuthleteConfig } from './config/authlete.config';
import { ServerFiles } from './config/server-files';
import { engineExchange } from './embedded-engine-exchange';

/** The connection's base URL in embedded mode: nothing is ever sent to it (calls are in process). */
export const EMBEDDED_BASE_URL = 'embedded:';

/** Holds the in-process engine, when one was started, and closes it on shutdown. */
export class EmbeddedEngineHolder implements OnApplicationShutdown {
  engine?: EmbeddedEngine;

  async onApplicationShutdown(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    if (engine) await engine.close();
  }
}

async function connect(
  authlete: AuthleteConfig,
  app: AppConfig,
  holder: EmbeddedEngineHolder,
  files: ServerFiles,
): Promise<AuthleteConnection> {
  if (authlete.baseUrl !== undefined) {
    return {
      baseUrl: authlete.baseUrl,
      apiVersion: authlete.apiVersion,
      serviceId: authlete.serviceApiKey ?? '',
      accessToken: authlete.serviceAccessToken,
      apiSecret: authlete.serviceApiSecret,
      timeoutMs: authlete.timeoutMs,
      maxSockets: authlete.maxSockets,
    };
  }
  // Loaded lazily: a deployment on real Authlete never loads the engine's code.
  const { createEngine } = await import('../engine/index.js');
  const logger = new Logger('Authlete');
  const engine = await createEngine({
    config: files.engineConfig,
    dataDir: files.engineDataDir,
    issuer: app.issuer,
    onServerError: (error) =>
      logger.error(
        `embedded engine: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      ),
  });
  holder.engine = engine;
  logger.log(
    `AUTHLETE_BASE_URL is unset: using the embedded local engine in process, no socket (service ${engine.serviceId})`,
  );
  return {
    baseUrl: EMBEDDED_BASE_URL,
    apiVersion: 'V3',
    serviceId: engine.serviceId,
    accessToken: engine.accessToken,
    timeoutMs: authlete.timeoutMs,
    maxSockets: authlete.maxSockets,
    // Under test every hand-over is checked and frozen: a difference from HTTP fails the test.
    exchange: engineExchange(engine, { sealValues: app.nodeEnv === 'test' }),
  };
}

/**
 * Providers that yield the {@link AuthleteConnection}: from `AUTHLETE_*` variables, or — when
 * `AUTHLETE_BASE_URL` is unset — from the embedded engine created in process, its API called as
 * functions with no socket (design.md §1, §7).
 */
export const authleteConnectionProviders: Provider[] = [
  EmbeddedEngineHolder,
  {
    provide: AuthleteConnection,
    inject: [authleteConfig.KEY, appConfig.KEY, EmbeddedEngineHolder, ServerFiles],
    useFactory: connect,
  },
];
