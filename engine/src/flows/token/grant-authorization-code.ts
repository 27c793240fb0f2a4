import { result } from '../../protocol/result';
import type { TokenResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { verifierMatches } from '../authorization/pkce';
import { nativeSsoApplies, nativeSsoTokenResponse } from '../exchange/native-sso-response';
import { buildIdToken } from '../tokens/id-token';
import { mintAccessToken, mintRefreshToken, refreshTokenAllowed } from '../tokens/mint-tokens';
import type { TokenRequest } from './token-request';
import { badTokenRequest, tokenOkResponse } from './token-response';

/**
 * The authorization_code grant (RFC 6749 §4.1.3, RFC 7636 §4.6, authlete-api.md §7.2): the code
 * must exist, be unexpired, unused and issued to this client; redirect_uri must repeat the one
 * of the authorization request; the PKCE verifier must match. A second use of a code revokes
 * every token issued from it (RFC 6749 §4.1.2). With Native SSO (`openid device_sso` and a
 * session id) the answer is NATIVE_SSO and `/nativesso` makes the ID token.
 */
export async function authorizationCodeGrant(
  context: EngineContext,
  request: TokenRequest,
): Promise<TokenResponse> {
  const { params, client } = request;
  const code = params.get('code');
  if (code === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A050301',
      "The token request does not contain the 'code' parameter.",
    );
  }
  const record = context.stores.codes.peek(code);
  if (record === undefined) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050302',
      'The authorization code does not exist.',
    );
  }
  if (record.context.client !== client) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050303',
      'The authorization code was issued to another client.',
    );
  }
  if (record.consumed) {
    context.stores.revokeGrant(record.context.grant);
    context.stores.codes.delete(code);
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050304',
      'The authorization code has already been used; the tokens issued with it have been revoked.',
    );
  }
  if (record.expiresAt <= context.now()) {
    context.stores.codes.delete(code);
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050305',
      'The authorization code has expired.',
    );
  }
  if (record.redirectUri !== undefined && params.get('redirect_uri') !== record.redirectUri) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050306',
      "The 'redirect_uri' parameter does not match the one in the authorization request.",
    );
  }
  if (record.dpopJkt !== undefined && request.binding?.jkt !== record.dpopJkt) {
    // RFC 9449 §10: a code bound to a DPoP key is exchanged only with a proof of that key.
    return badTokenRequest(
      context,
      'invalid_dpop_proof',
      'A050310',
      'The authorization code is bound to a DPoP key, and the request has no DPoP proof made with it.',
    );
  }
  const verifier = params.get('code_verifier');
  if (record.codeChallenge !== undefined) {
    if (verifier === undefined) {
      return badTokenRequest(
        context,
        'invalid_grant',
        'A050307',
        "The token request does not contain the 'code_verifier' parameter.",
      );
    }
    if (!verifierMatches(verifier, record.codeChallenge, record.codeChallengeMethod ?? 'plain')) {
      return badTokenRequest(
        context,
        'invalid_grant',
        'A050308',
        'The code verifier does not match the code challenge.',
      );
    }
  } else if (verifier !== undefined) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A050309',
      "The authorization request had no 'code_challenge', but a 'code_verifier' was sent.",
    );
  }
  record.consumed = true;
  const subject = record.context;
  if (request.properties.length > 0) {
    subject.properties = [...subject.properties, ...request.properties];
  }
  const refresh = refreshTokenAllowed(context, subject)
    ? mintRefreshToken(context, subject, record.scopes, request.refreshTokenDuration)
    : undefined;
  const access = await mintAccessToken(
    context,
    subject,
    {
      scopes: record.scopes,
      accessTokenDuration: request.accessTokenDuration,
      accessToken: request.accessToken,
      jwtAtClaims: request.jwtAtClaims,
      binding: request.binding,
    },
    refresh,
  );
  const ok = result(
    'A050001',
    `The token request (grant_type=authorization_code) was processed successfully.`,
  );
  if (nativeSsoApplies(context.service.nativeSsoSupported, record.scopes, subject.sessionId)) {
    const claims = subject.nonce === undefined ? {} : { nonce: subject.nonce };
    access.record.nativeSsoClaims = claims;
    return nativeSsoTokenResponse(
      ok,
      { access, refresh, clientAuthMethod: request.clientAuthMethod },
      { deviceSecret: params.get('device_secret'), additionalClaims: claims },
    );
  }
  const idToken = record.scopes.includes('openid')
    ? await buildIdToken(context, subject, {
        nonce: subject.nonce,
        accessToken: access.record.value,
        headerParams: subject.idTokenHeaderParams,
      })
    : undefined;
  return tokenOkResponse(ok, {
    access,
    refresh,
    idToken,
    clientAuthMethod: request.clientAuthMethod,
  });
}
