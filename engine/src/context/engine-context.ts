import type { JwtSigner } from '../keys/jwt-signer';
import type { ServiceKeys } from '../keys/service-keys';
import type { ClientRegistry } from '../model/client-registry';
import type { Service } from '../model/service';
import type { EngineStores } from '../store/engine-stores';

/** What every API handler needs: configuration, keys, state and the clock. */
export interface EngineContext {
  service: Service;
  clients: ClientRegistry;
  keys: ServiceKeys;
  signer: JwtSigner;
  stores: EngineStores;
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now(): number;
}

/** Seconds since the epoch, for JWT `iat`/`exp` and `authTime`. */
export function nowSeconds(context: EngineContext): number {
  return Math.floor(context.now() / 1000);
}
