import { jwtVerify, type JWTPayload } from 'jose';
import type { Client } from '../../model/client';
import { FormParams } from '../../protocol/form-params';
import type { EngineContext } from '../../context/engine-context';
import { problem, type AuthorizationProblem } from './authorization-problem';

const REQUEST_OBJECT_ALGS = [
  'RS256',
  'PS256',
  'ES256',
  'RS384',
  'RS512',
  'PS384',
  'PS512',
  'ES384',
  'ES512',
  'EdDSA',
];
const JWT_CLAIMS = new Set(['iss', 'aud', 'exp', 'iat', 'nbf', 'jti']);

/** Authorization parameters after applying a request object, with its payload for the response. */
export interface ResolvedRequestObject {
  params: FormParams;
  payload?: string;
}

function asParameter(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return undefined;
}

/** Request object members override the same-named query parameters (OIDC Core §6.3.3, RFC 9101 §5). */
function mergeParameters(outer: FormParams, payload: JWTPayload): FormParams {
  const merged = new URLSearchParams();
  for (const [name, value] of outer.entries()) {
    if (name !== 'request' && !(name in payload)) merged.append(name, value);
  }
  for (const [name, value] of Object.entries(payload)) {
    const text = asParameter(value);
    if (!JWT_CLAIMS.has(name) && text !== undefined) merged.append(name, text);
  }
  return new FormParams(merged);
}

async function verify(
  context: EngineContext,
  client: Client,
  jwt: string,
): Promise<JWTPayload | string> {
  if (client.publicKeys === undefined) return 'the client has no registered JWK Set';
  try {
    const { payload } = await jwtVerify(jwt, client.publicKeys, {
      algorithms: REQUEST_OBJECT_ALGS,
      currentDate: new Date(context.now()),
      clockTolerance: 10,
    });
    if (payload.iss !== undefined && context.clients.find(payload.iss) !== client) {
      return "its 'iss' is not the client";
    }
    const audiences =
      payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (payload.aud !== undefined && !audiences.includes(context.service.issuer)) {
      return "its 'aud' does not name the issuer";
    }
    if (
      typeof payload.client_id === 'string' &&
      context.clients.find(payload.client_id) !== client
    ) {
      return "its 'client_id' differs from the request's";
    }
    return payload;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Applies a signed request object passed by value in `request` (OIDC Core §6.1, RFC 9101),
 * verified with the client's JWK Set. Unsigned (`alg: none`) objects are refused. Failures are
 * BAD_REQUEST with `invalid_request_object`.
 */
export async function applyRequestObject(
  context: EngineContext,
  params: FormParams,
): Promise<
  { ok: true; resolved: ResolvedRequestObject } | { ok: false; problem: AuthorizationProblem }
> {
  const jwt = params.get('request');
  if (jwt === undefined) return { ok: true, resolved: { params } };
  const client = context.clients.find(params.get('client_id') ?? '');
  if (client === undefined) {
    return {
      ok: false,
      problem: problem(
        'A008302',
        'invalid_request',
        `No client has the client ID '${params.get('client_id') ?? ''}'.`,
      ),
    };
  }
  const verified = await verify(context, client, jwt);
  if (typeof verified === 'string') {
    return {
      ok: false,
      problem: problem(
        'A008311',
        'invalid_request_object',
        `The request object is invalid: ${verified}.`,
      ),
    };
  }
  return {
    ok: true,
    resolved: { params: mergeParameters(params, verified), payload: JSON.stringify(verified) },
  };
}
