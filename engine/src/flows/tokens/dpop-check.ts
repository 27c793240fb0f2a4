import type { RequestBody } from '../../api/request-body';
import type { EngineContext } from '../../context/engine-context';
import { currentDpopNonce, dpopNonceAccepted } from '../../protocol/dpop-nonce';
import { type DpopProofCheck, verifyDpopProof } from '../../protocol/dpop-proof';

/**
 * Whether proofs of this call must carry a server nonce (RFC 9449 §8, §9): the service's
 * `dpopNonceRequired`, or the call's own `dpopNonceRequired` (Authlete request member).
 */
export function dpopNonceRequired(context: EngineContext, body: RequestBody): boolean {
  return context.service.dpopNonce.required || body.boolean('dpopNonceRequired');
}

/**
 * Verifies a DPoP proof against the engine's clock and `jti` replay store (RFC 9449 §4.3, §11.1),
 * and its nonce when `nonceRequired` (§8); a `useNonce` refusal carries the nonce to use.
 */
export async function checkDpopProof(
  context: EngineContext,
  proof: string,
  request: { htm: string; htu: string; accessToken?: string; nonceRequired?: boolean },
): Promise<DpopProofCheck> {
  const nowMs = context.now();
  const check = await verifyDpopProof(proof, {
    htm: request.htm,
    htu: request.htu,
    accessToken: request.accessToken,
    nowMs,
    rememberJti: (key, expiresAt) => {
      const store = context.stores.dpopProofIds;
      if (store.get(key) !== undefined) return false;
      store.add(key, { expiresAt });
      return true;
    },
    acceptsNonce: request.nonceRequired
      ? (nonce) => dpopNonceAccepted(context.service, nonce, nowMs)
      : undefined,
  });
  if (check.ok || check.useNonce !== true) return check;
  return { ...check, nonce: currentDpopNonce(context.service, nowMs) };
}
