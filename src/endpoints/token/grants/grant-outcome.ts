import { Logger } from '@nestjs/common';
import type { TokenCreateResponse, TokenResponse } from '../../../authlete/types';
import { OAuthError, type OAuthErrorCode } from '../../../http/oauth.errors';
import { relayedHeaders } from '../../../http/response-headers';
import type { TokenOutcome } from '../token-outcome';

const logger = new Logger('TokenGrants');

/** RFC 8693 §3: the type of every token this server issues by exchange. */
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** A 200 token response the service wrote itself, keeping `/auth/token`'s relayed headers. */
export function issuedOutcome(body: Record<string, unknown>, first: TokenResponse): TokenOutcome {
  return {
    action: 'OK',
    responseContent: JSON.stringify(body),
    dpopNonce: first.dpopNonce,
    attestationChallenge: first.attestationChallenge,
  };
}

/** An RFC 6749 §5.2 error the service decided, with `/auth/token`'s relayed headers. */
export function grantError(
  first: TokenResponse,
  error: OAuthErrorCode,
  description: string,
  status = 400,
): OAuthError {
  return new OAuthError(status, error, description, relayedHeaders(first));
}

/**
 * The tokens `/auth/token/create` minted (authlete-api.md §6.4: no responseContent). Anything but
 * OK means the service's own call was refused: logged, and a 500 `server_error` to the client.
 */
export function requireCreated(created: TokenCreateResponse, first: TokenResponse): void {
  if (created.action === 'OK') return;
  logger.error(`/auth/token/create answered ${created.action}: ${created.resultMessage ?? ''}`);
  throw grantError(first, 'server_error', 'The token could not be created.', 500);
}

/**
 * The token response body for `/auth/token/create` output (RFC 6749 §5.1): the JWT access token
 * when one was minted, `scope` when not empty, `refresh_token` when one was made; with
 * `issued_token_type` for token exchange (RFC 8693 §2.2.1).
 */
export function createdTokenBody(
  created: TokenCreateResponse,
  exchange: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    access_token: created.jwtAccessToken ?? created.accessToken,
  };
  if (exchange) body.issued_token_type = ACCESS_TOKEN_TYPE;
  body.token_type = created.tokenType ?? 'Bearer';
  body.expires_in = created.expiresIn ?? 0;
  if (created.scopes !== undefined && created.scopes.length > 0) {
    body.scope = created.scopes.join(' ');
  }
  if (created.refreshToken !== undefined) body.refresh_token = created.refreshToken;
  return body;
}
