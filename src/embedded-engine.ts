import { Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { RunningEngine } from '../engine/index.js';
import { AuthleteConnection } from './authlete/authlete-connection';
import { appConfig, type AppConfig } from './config/app.config';
import { authleteConfig, type AuthleteConfig } from './config/authlete.config';
import { engineExchange } from './embedded-engine-exchange';

/** Holds the in-process engine, when one was started, and closes it on shutdown. */
export class EmbeddedEngineHolder implements OnApplicationShutdown {
  engine?: RunningEngine;

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
  const { startEngine } = await import('../engine/index.js');
  const engine = await startEngine({
    host: '127.0.0.1',
    port: 0,
    config: authlete.engineConfig,
    dataDir: authlete.engineDataDir,
    issuer: app.issuer,
  });
  holder.engine = engine;
  new Logger('Authlete').log(
    `AUTHLETE_BASE_URL is unset: using the embedded local engine at ${engine.url} (service ${engine.serviceId})`,
  );
  return {
    baseUrl: engine.url,
    apiVersion: 'V3',
    serviceId: engine.serviceId,
    accessToken: engine.accessToken,
    timeoutMs: authlete.timeoutMs,
    maxSockets: authlete.maxSockets,
    exchange: engineExchange(engine),
  };
}

/**
 * Providers that yield the {@link AuthleteConnection}: from `AUTHLETE_*` variables, or — when
 * `AUTHLETE_BASE_URL` is unset — from the embedded engine started on 127.0.0.1 (design.md §1, §7).
 */
export const authleteConnectionProviders: Provider[] = [
  EmbeddedEngineHolder,
  {
    provide: AuthleteConnection,
    inject: [authleteConfig.KEY, appConfig.KEY, EmbeddedEngineHolder],
    useFactory: connect,
  },
];
