import type { FastifyInstance } from 'fastify';
import { loadEngineSettings } from './config/load-config';
import type { EngineConfig } from './config/engine-config';
import { JwtSigner } from './keys/jwt-signer';
import { loadServiceKeys } from './keys/service-keys';
import { randomToken } from './protocol/secrets';
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
}

/** A built but not yet listening engine. */
export interface BuiltEngine {
  app: FastifyInstance;
  context: EngineContext;
  accessToken: string;
}

/** Validates the configuration, loads the keys and assembles the Fastify server. */
export async function buildEngine(options: BuildEngineOptions): Promise<BuiltEngine> {
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
  const app = createEngineServer(context, { accessToken, logger: options.logger ?? false });
  return { app, context, accessToken };
}
