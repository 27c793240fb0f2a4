import type { CredentialNonceResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import { vciNotFound } from './vci-documents';

/**
 * `POST /vci/nonce` (Authlete `CredentialNonceResponse`; OID4VCI 1.0 §7.2): a fresh `c_nonce`,
 * valid for `cnonceDuration` seconds, for the wallet to put in its JWT proofs. The answer is the
 * nonce response body (`{"c_nonce": …}`), which must not be cached (§7.2).
 */
export function credentialNonce(context: EngineContext): CredentialNonceResponse {
  const { vci } = context.service;
  if (!vci.enabled) return vciNotFound('325');
  const cnonce = randomToken();
  context.stores.vci.nonces.add(cnonce, { expiresAt: context.now() + vci.durations.nonce * 1000 });
  return {
    ...envelope(result('A325001', 'A nonce was issued.'), 'OK'),
    responseContent: JSON.stringify({ c_nonce: cnonce }),
    cnonce,
  };
}
