/**
 * The local engine: an offline server that speaks the Authlete v3 API (docs/engine.md). This file
 * is the engine package's public entry, the only one the service may import. It reads no
 * environment variables: the CLI (cli.ts) and the service's composition root pass everything.
 */
import type { EngineDispatcher, EngineRequest, EngineResponse } from '../contract';
import { buildEngine } from './src/build-engine';
import type { EngineConfig } from './src/config/engine-config';

export type { EngineDispatcher, EngineRequest, EngineResponse } from '../contract';

export type {
  EngineConfig,
  ClientConfig,
  ServiceConfig,
  ScopeConfig,
} from './src/config/engine-config';
export { EngineConfigError } from './src/config/config-reader';

/** Options of startEngine. */
export interface StartEngineOptions {
  /** Listening address; default '127.0.0.1'. */
  host?: string;
  /** Listening port; default 0 (ephemeral). */
  port?: number;
  /** The configuration object, or the path of a JSON file (e.g. `config/engine.json`). */
  config: EngineConfig | string;
  /** Replaces the service issuer and the base of every endpoint URL (e.g. the service's ISSUER). */
  issuer?: string;
  /** The service access token; default the configured one, else random. */
  accessToken?: string;
  /** The directory where generated signing keys are kept (created when missing). */
  dataDir: string;
  /** Fastify logging; default false. */
  logger?: boolean;
}

/** A listening engine. */
export interface RunningEngine extends EngineDispatcher {
  /** Base URL, e.g. `http://127.0.0.1:41234` (Authlete's `base_url`). */
  url: string;
  /** The numeric service id (the `{serviceId}` path segment). */
  serviceId: string;
  /** The Bearer token the engine accepts. */
  accessToken: string;
  /**
   * Answers one API request in process, through the same routes, service authentication and JSON
   * serialisation as over HTTP, without a socket (the embedded engine's fast path).
   */
  dispatch(request: EngineRequest): Promise<EngineResponse>;
  close(): Promise<void>;
}

/**
 * Starts the engine: validates the configuration (throwing EngineConfigError naming the field),
 * loads or generates the signing keys, listens, and sweeps expired state periodically.
 */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const built = await buildEngine({
    config: options.config,
    issuer: options.issuer,
    accessToken: options.accessToken,
    dataDir: options.dataDir,
    logger: options.logger,
  });
  const { app, context } = built;
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const sweeper = setInterval(() => {
    context.stores.sweep();
  }, context.service.sweepIntervalSeconds * 1000);
  sweeper.unref();
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port ?? 0}`,
    serviceId: context.service.apiKey,
    accessToken: built.accessToken,
    dispatch: async (request) => {
      const answer = await app.inject({
        method: request.method,
        url: request.url,
        headers: request.headers,
        payload: request.body,
      });
      const headers: EngineResponse['headers'] = {};
      for (const [name, value] of Object.entries(answer.headers)) {
        headers[name] = typeof value === 'number' ? String(value) : value;
      }
      return { status: answer.statusCode, headers, body: answer.body };
    },
    close: async () => {
      clearInterval(sweeper);
      await app.close();
    },
  };
}
