import type { RequestBody } from '../../api/request-body';
import type { StandardIntrospectionResponse } from '../../../../contract';
import { SIGNING_ALGS, type SigningAlg } from '../../model/enums';
import { FormParams } from '../../protocol/form-params';
import { envelope, oauthErrorJson, result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { nowSeconds } from '../../context/engine-context';
import { confirmationClaim } from '../tokens/confirmation';
import type { TokenBinding, TokenSubjectContext } from '../../store/records';

const JWT_MEDIA_TYPE = 'application/token-introspection+jwt';

function activeBody(
  context: EngineContext,
  subject: TokenSubjectContext,
  scopes: string[],
  times: { issuedAt: number; expiresAt: number },
  tokenType: string | undefined,
  withHidden: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = { active: true };
  if (scopes.length > 0) body.scope = scopes.join(' ');
  body.client_id = subject.client.clientIdAlias;
  if (subject.subject !== undefined) body.sub = subject.subject;
  body.exp = Math.floor(times.expiresAt / 1000);
  body.iat = Math.floor(times.issuedAt / 1000);
  if (tokenType !== undefined) body.token_type = tokenType;
  body.iss = context.service.issuer;
  if (subject.resources !== undefined) body.aud = subject.resources;
  if (subject.authTime > 0) body.auth_time = subject.authTime;
  if (subject.acr !== undefined) body.acr = subject.acr;
  // RFC 9396 §9.1: the granted authorization details.
  if (subject.authorizationDetails !== undefined) {
    body.authorization_details = subject.authorizationDetails;
  }
  for (const property of subject.properties) {
    if ((withHidden || !property.hidden) && !(property.key in body)) {
      body[property.key] = property.value;
    }
  }
  return body;
}

/** The `cnf` member of a sender-constrained token (RFC 9449 §6.2, RFC 8705 §3.2). */
function confirmation(binding: TokenBinding | undefined): Record<string, unknown> {
  const cnf = confirmationClaim(binding);
  return cnf === undefined ? {} : { cnf };
}

/** RFC 7662 §2.2 body for the token: access tokens first unless the hint says refresh_token. */
function introspectionBody(
  context: EngineContext,
  token: string,
  hint: string | undefined,
  withHidden: boolean,
): Record<string, unknown> {
  const lookups = [
    () => {
      const record = context.stores.accessTokens.get(token);
      return (
        record && {
          ...activeBody(
            context,
            record.context,
            record.scopes,
            record,
            record.binding?.jkt === undefined ? 'Bearer' : 'DPoP',
            withHidden,
          ),
          ...confirmation(record.binding),
        }
      );
    },
    () => {
      const record = context.stores.refreshTokens.get(token);
      return record && !record.rotated
        ? activeBody(context, record.context, record.scopes, record, undefined, withHidden)
        : undefined;
    },
  ];
  if (hint === 'refresh_token') lookups.reverse();
  for (const lookup of lookups) {
    const body = lookup();
    if (body !== undefined) return body;
  }
  return { active: false };
}

/**
 * `POST /auth/introspection/standard` (authlete-api.md §8.2): RFC 7662 for access and refresh
 * tokens; inactive → `{"active":false}`. With `httpAcceptHeader` asking for
 * `application/token-introspection+jwt`, action JWT with a signed RFC 9701 response.
 */
export async function standardIntrospect(
  context: EngineContext,
  body: RequestBody,
): Promise<StandardIntrospectionResponse> {
  const params = new FormParams(body.requiredString('parameters'));
  const token = params.get('token');
  if (token === undefined) {
    const value = result(
      'A145301',
      "The introspection request does not contain the 'token' parameter.",
    );
    return {
      // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
      resultCode: value.code,
      resultMessage: resultMessage(value),
      action: 'BAD_REQUEST',
      responseContent: oauthErrorJson(context.service, 'invalid_request', value),
    };
  }
  const introspection = introspectionBody(
    context,
    token,
    params.get('token_type_hint'),
    body.boolean('withHiddenProperties'),
  );
  const ok = result('A145001', 'Introspection was performed successfully.');
  if (!(body.optionalString('httpAcceptHeader') ?? '').includes(JWT_MEDIA_TYPE)) {
    return { ...envelope(ok, 'OK'), responseContent: JSON.stringify(introspection) };
  }
  const requestedAlg = body.optionalString('introspectionSignAlg');
  const alg: SigningAlg = (SIGNING_ALGS as readonly string[]).includes(requestedAlg ?? '')
    ? (requestedAlg as SigningAlg)
    : 'RS256';
  const clientId = introspection.client_id;
  const jwt = await context.signer.sign(
    {
      iss: context.service.issuer,
      aud:
        body.optionalString('rsUri') ??
        (typeof clientId === 'string' ? clientId : context.service.issuer),
      iat: nowSeconds(context),
      token_introspection: introspection,
    },
    alg,
    'token-introspection+jwt',
  );
  return { ...envelope(ok, 'JWT'), responseContent: jwt };
}
