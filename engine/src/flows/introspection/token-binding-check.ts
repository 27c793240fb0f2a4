import type { RequestBody } from '../../api/request-body';
import { certificateThumbprint } from '../../protocol/certificate-thumbprint';
import { DPOP_SIGNING_ALGS } from '../../protocol/dpop-proof';
import type { AuthleteEnvelope } from '../../../../contract';
import { bearerChallenge, result, type Result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import type { AccessTokenRecord } from '../../store/records';
import { currentDpopNonce } from '../../protocol/dpop-nonce';
import { checkDpopProof, dpopNonceRequired } from '../tokens/dpop-check';

/** Why a sender-constrained token was refused at a resource API: error, result and challenge. */
export interface TokenBindingFailure {
  error: string;
  result: Result;
  /** The `WWW-Authenticate` value (the responseContent of the refusal). */
  challenge: string;
  /** The nonce to use, for a `use_dpop_nonce` refusal (the `DPoP-Nonce` header, RFC 9449 §9). */
  dpopNonce?: string;
}

/** RFC 9449 §7.1: a `DPoP` challenge carrying the accepted algorithms. */
function dpopChallenge(context: EngineContext, error: string, value: Result): string {
  const bearer = bearerChallenge(context.service, error, value);
  return `DPoP ${bearer.slice('Bearer '.length)},algs="${DPOP_SIGNING_ALGS.join(' ')}"`;
}

function failure(
  context: EngineContext,
  scheme: 'DPoP' | 'Bearer',
  error: string,
  value: Result,
): TokenBindingFailure {
  const challenge =
    scheme === 'DPoP'
      ? dpopChallenge(context, error, value)
      : bearerChallenge(context.service, error, value);
  return { error, result: value, challenge };
}

async function dpopFailure(
  context: EngineContext,
  body: RequestBody,
  token: string,
  jkt: string,
  apiCode: string,
): Promise<TokenBindingFailure | undefined> {
  const proof = body.optionalString('dpop');
  if (proof === undefined) {
    const value = result(
      `A${apiCode}361`,
      'The access token is bound to a DPoP key, but no DPoP proof was presented.',
    );
    return failure(context, 'DPoP', 'invalid_token', value);
  }
  const check = await checkDpopProof(context, proof, {
    htm: body.optionalString('htm') ?? '',
    htu: body.optionalString('htu') ?? '',
    accessToken: token,
    nonceRequired: dpopNonceRequired(context, body),
  });
  if (!check.ok && check.useNonce) {
    const value = result(`A${apiCode}365`, check.description);
    const refusal = failure(context, 'DPoP', 'use_dpop_nonce', value);
    return { ...refusal, dpopNonce: check.nonce };
  }
  if (!check.ok) {
    return failure(
      context,
      'DPoP',
      'invalid_dpop_proof',
      result(`A${apiCode}362`, check.description),
    );
  }
  if (check.jkt === jkt) return undefined;
  const value = result(
    `A${apiCode}363`,
    'The DPoP proof was not made with the key the access token is bound to.',
  );
  return failure(context, 'DPoP', 'invalid_dpop_proof', value);
}

/**
 * Checks the sender constraint of an access token at /auth/introspection and /auth/userinfo: a
 * DPoP-bound token needs a proof of its key with `htm`, `htu` and `ath` (RFC 9449 §7), a
 * certificate-bound token the same client certificate (RFC 8705 §3). Undefined when it passes.
 * @param apiCode three-digit prefix of the calling API's result codes.
 */
export async function tokenBindingFailure(
  context: EngineContext,
  body: RequestBody,
  token: string,
  record: AccessTokenRecord,
  apiCode: string,
): Promise<TokenBindingFailure | undefined> {
  const binding = record.binding;
  if (binding === undefined) return undefined;
  if (binding.jkt !== undefined) {
    const problem = await dpopFailure(context, body, token, binding.jkt, apiCode);
    if (problem !== undefined) return problem;
  }
  if (binding.x5tS256 === undefined) return undefined;
  const pem = body.optionalString('clientCertificate');
  if (pem !== undefined && certificateThumbprint(pem) === binding.x5tS256) return undefined;
  const value = result(
    `A${apiCode}364`,
    'The access token is bound to a client certificate, and the presented one does not match.',
  );
  return failure(context, 'Bearer', 'invalid_token', value);
}

/**
 * The nonce an accepted call with a DPoP-bound token carries when nonces are required: the
 * current one, so the client keeps up before its nonce goes stale (RFC 9449 §9).
 */
export function freshDpopNonce(
  context: EngineContext,
  body: RequestBody,
  record: AccessTokenRecord,
): string | undefined {
  if (record.binding?.jkt === undefined || !dpopNonceRequired(context, body)) return undefined;
  return currentDpopNonce(context.service, context.now());
}

/** The UNAUTHORIZED envelope of a refused sender-constrained token (RFC 9449 §7.1, RFC 8705 §3). */
export function bindingRefusal(failure: TokenBindingFailure): AuthleteEnvelope<'UNAUTHORIZED'> {
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: failure.result.code,
    resultMessage: resultMessage(failure.result),
    action: 'UNAUTHORIZED',
    responseContent: failure.challenge,
    dpopNonce: failure.dpopNonce,
  };
}
