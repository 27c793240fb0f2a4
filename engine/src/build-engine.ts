import type { FastifyInstance } from 'fastify';
import type { EngineRequest, EngineResponse } from '../../contract';
import { loadEngineSettings } from './config/load-config';
import type { EngineConfig } from './config/engine-config';
import { JwtSigner } from './keys/jwt-signer';
import { loadServiceKeys } from './keys/service-keys';
import { randomToken } from './protocol/secrets';
import { createApiDispatcher } from './server/api-dispatcher';
import { createEngineServer } from './server/create-server';
import type { EngineContext } from './context/engine-context';
import { EngineStores } from './store/engine-stores';

/** Inputs of buildEngine; tests pass a clock to move time without sleeping. */
export interface BuildEngineOptions {
  config: EngineConfig | string;
  issuer?: string;
  accessToken?: string;
  dataDir: string;
  logger?: boolean;
  now?: () => number;
  /** Receives the cause of every in-process 500 answer. */
  onServerError?: (error: unknown) => void;
}

/** The engine's state and its in-process API, without any HTTP server. */
export interface EngineCore {
  context: EngineContext;
  accessToken: string;
  /** The API called as a function (server/api-dispatcher.ts). */
  dispatch: (request: EngineRequest) => Promise<EngineResponse>;
}

/** A built but not yet listening engine: the core plus its Fastify server. */
export interface BuiltEngine extends EngineCore {
  app: FastifyInstance;
}

/** Validates the configuration, loads the keys and assembles the stores and the dispatcher. */
export async function buildEngineCore(options: BuildEngineOptions): Promise<EngineCore> {
  const settings = loadEngineSettings(options.config, options.issuer);
  const keys = await loadServiceKeys(settings.signingKeys, options.dataDir);
  const now = options.now ?? Date.now;
  const context: EngineContext = {
    service: settings.service,
    clients: settings.clients,
    keys,
    signer: new JwtSigner(keys, settings.service.idTokenSignatureKeyId),
    stores: new EngineStores(settings.service.caps, now),
    now,
  };
  const accessToken = options.accessToken ?? settings.accessToken ?? randomToken();
  const dispatch = createApiDispatcher(context, {
    accessToken,
    onServerError: options.onServerError,
  });
  return { context, accessToken, dispatch };
}

/** {@link buildEngineCore} plus the Fastify server of the same API (not yet listening). */
export async function buildEngine(options: BuildEngineOptions): Promise<BuiltEngine> {
  const core = await buildEngineCore(options);
  const app = createEngineServer(core.context, {
    accessToken: core.accessToken,
    logger: options.logger ?? false,
  });
  return { ...core, app };
}
