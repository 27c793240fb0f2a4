import { Injectable } from '@nestjs/common';
import {
  type TokenExchangeDecision,
  TokenExchangePolicy,
  type TokenExchangeRequest,
} from './token-exchange-policy';

const refuse = (
  error: 'invalid_request' | 'invalid_target' | 'invalid_scope',
  description: string,
): TokenExchangeDecision => ({ allowed: false, error, description });

/** An `audience` usable as a resource: an absolute http(s) URI without fragment (RFC 8707 §2). */
function isResourceUri(value: string): boolean {
  if (!URL.canParse(value) || value.includes('#')) return false;
  const { protocol } = new URL(value);
  return protocol === 'https:' || protocol === 'http:';
}

/**
 * The default {@link TokenExchangePolicy}, safe by construction (docs/token-exchange.md):
 * - only access tokens are issued (`requested_token_type` absent or access_token);
 * - the subject stays the subject token's, and scopes only narrow: the requested scopes must be
 *   among the subject token's (its own scopes when none are requested); for a JWT of a trusted
 *   issuer, among the issuer's configured `scopes` (none when it has no list);
 * - every `audience` must be an absolute URI, and together with `resource` becomes the issued
 *   token's audience; logical audience names are refused with `invalid_target`.
 * Which clients may exchange at all is the client's grant type and the service's
 * `tokenExchangeByPermittedClientsOnly` setting, checked by Authlete before this runs.
 */
@Injectable()
export class DefaultTokenExchangePolicy extends TokenExchangePolicy {
  decide(request: TokenExchangeRequest): Promise<TokenExchangeDecision> {
    return Promise.resolve(this.decideNow(request));
  }

  private decideNow(request: TokenExchangeRequest): TokenExchangeDecision {
    if (request.requestedTokenType !== undefined && request.requestedTokenType !== 'ACCESS_TOKEN') {
      return refuse('invalid_request', 'Only access tokens are issued by token exchange.');
    }
    const available = request.subjectToken.scopes ?? request.issuerScopes ?? [];
    const requested = request.requestedScopes;
    const wider = requested.filter((scope) => !available.includes(scope));
    if (wider.length > 0) {
      return refuse('invalid_scope', `The subject token does not carry '${wider.join(' ')}'.`);
    }
    const unusable = request.audiences.filter((audience) => !isResourceUri(audience));
    if (unusable.length > 0) {
      return refuse('invalid_target', `The audience '${unusable.join(' ')}' is not known here.`);
    }
    const resources = [...new Set([...request.resources, ...request.audiences])];
    const scopes = requested.length > 0 ? requested : available;
    return { allowed: true, scopes: [...scopes], resources };
  }
}
