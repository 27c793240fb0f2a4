import type { EngineContext } from '../../context/engine-context';
import { type DpopProofCheck, verifyDpopProof } from '../../protocol/dpop-proof';

/** Verifies a DPoP proof against the engine's clock and `jti` replay store (RFC 9449 §4.3, §11.1). */
export function checkDpopProof(
  context: EngineContext,
  proof: string,
  request: { htm: string; htu: string; accessToken?: string },
): Promise<DpopProofCheck> {
  return verifyDpopProof(proof, {
    ...request,
    nowMs: context.now(),
    rememberJti: (key, expiresAt) => {
      const store = context.stores.dpopProofIds;
      if (store.get(key) !== undefined) return false;
      store.add(key, { expiresAt });
      return true;
    },
  });
}
