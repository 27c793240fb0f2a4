/**
 * The local engine: an offline server that speaks the Authlete v3 API (docs/engine.md). This file
 * is the engine package's public entry, the only one the service may import. It reads no
 * environment variables: the CLI (cli.ts) and the service's composition root pass everything.
 */
import type { EngineDispatcher, EngineRequest, EngineResponse } from '../contract';
import { buildEngine, buildEngineCore } from './src/build-engine';
import type { EngineContext } from './src/context/engine-context';
import type { EngineConfig } from './src/config/engine-config';

export type { EngineDispatcher, EngineRequest, EngineResponse } from '../contract';

export type {
  EngineConfig,
  ClientConfig,
  ServiceConfig,
  ScopeConfig,
} from './src/config/engine-config';
export { EngineConfigError } from './src/config/config-reader';

/** Options of {@link createEngine}: the engine in process, without a socket. */
export interface CreateEngineOptions {
  /** The configuration object, or the path of a JSON file (e.g. `config/engine.json`). */
  config: EngineConfig | string;
  /** Replaces the service issuer and the base of every endpoint URL (e.g. the service's ISSUER). */
  issuer?: string;
  /** The service access token; default the configured one, else random. */
  accessToken?: string;
  /** The directory where generated signing keys are kept (created when missing). */
  dataDir: string;
  /** Receives the cause of every 500 answer of {@link EmbeddedEngine.dispatch}. */
  onServerError?: (error: unknown) => void;
}

/** Options of startEngine. */
export interface StartEngineOptions extends CreateEngineOptions {
  /** Listening address; default '127.0.0.1'. */
  host?: string;
  /** Listening port; default 0 (ephemeral). */
  port?: number;
  /** Fastify logging; default false. */
  logger?: boolean;
}

/** An engine in process: its API called as a function, no socket. */
export interface EmbeddedEngine extends EngineDispatcher {
  /** The numeric service id (the `{serviceId}` path segment). */
  serviceId: string;
  /** The Bearer token the engine accepts. */
  accessToken: string;
  /**
   * Answers one API request in process through the same route table, service authentication,
   * handlers, JSON and error channel as over HTTP, without HTTP emulation or a socket.
   */
  dispatch(request: EngineRequest): Promise<EngineResponse>;
  close(): Promise<void>;
}

/** A listening engine. */
export interface RunningEngine extends EmbeddedEngine {
  /** Base URL, e.g. `http://127.0.0.1:41234` (Authlete's `base_url`). */
  url: string;
}

function startSweeper(context: EngineContext): NodeJS.Timeout {
  const sweeper = setInterval(() => {
    context.stores.sweep();
  }, context.service.sweepIntervalSeconds * 1000);
  sweeper.unref();
  return sweeper;
}

/**
 * Creates the engine in process (the service's embedded mode, design.md §7): validates the
 * configuration (throwing EngineConfigError naming the field), loads or generates the signing
 * keys and sweeps expired state periodically. It opens no socket and builds no HTTP server.
 */
export async function createEngine(options: CreateEngineOptions): Promise<EmbeddedEngine> {
  const core = await buildEngineCore(options);
  const sweeper = startSweeper(core.context);
  return {
    serviceId: core.context.service.apiKey,
    accessToken: core.accessToken,
    dispatch: core.dispatch,
    close: () => {
      clearInterval(sweeper);
      return Promise.resolve();
    },
  };
}

/**
 * Starts the engine as a server (`npm run engine`, tests): as {@link createEngine}, plus the
 * Fastify server of the same API listening on `host:port`.
 */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const built = await buildEngine(options);
  const { app, context } = built;
  const host = options.host ?? '127.0.0.1';
  await app.listen({ host, port: options.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  const sweeper = startSweeper(context);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port ?? 0}`,
    serviceId: context.service.apiKey,
    accessToken: built.accessToken,
    dispatch: built.dispatch,
    close: async () => {
      clearInterval(sweeper);
      await app.close();
    },
  };
}
