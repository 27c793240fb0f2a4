import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../../authlete/authlete.service';
import type { TokenResponse } from '../../../authlete/types';
import { TokenExchangePolicy } from '../../../grants/token-exchange-policy';
import type { TokenOutcome } from '../token-outcome';
import { ExchangeTokens } from './exchange-tokens';
import { createdTokenBody, grantError, issuedOutcome, requireCreated } from './grant-outcome';

/**
 * TOKEN_EXCHANGE (RFC 8693; authlete-api.md §7.4): Authlete checked the request's shape; the
 * service validates the subject and actor tokens ({@link ExchangeTokens}), asks the
 * {@link TokenExchangePolicy}, mints with `/auth/token/create` (grant type TOKEN_EXCHANGE, the
 * subject token's subject, the exchanging client) and answers the §2.2.1 response. A refused
 * token is 400 `invalid_request`, a refusal of the policy 400 with its error (§2.2.2).
 */
@Injectable()
export class TokenExchanger {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly tokens: ExchangeTokens,
    private readonly policy: TokenExchangePolicy,
  ) {}

  async exchange(response: TokenResponse): Promise<TokenOutcome> {
    const clientId = response.clientId;
    if (clientId === undefined || clientId === 0) {
      throw grantError(
        response,
        'invalid_request',
        'Unidentified clients may not exchange tokens.',
      );
    }
    const subject = await this.tokens.validate(
      {
        token: response.subjectToken,
        type: response.subjectTokenType,
        info: response.subjectTokenInfo,
      },
      'subject',
    );
    if (!subject.ok) throw grantError(response, 'invalid_request', subject.reason);
    const actor =
      response.actorToken === undefined
        ? undefined
        : await this.tokens.validate(
            {
              token: response.actorToken,
              type: response.actorTokenType,
              info: response.actorTokenInfo,
            },
            'actor',
          );
    if (actor !== undefined && !actor.ok) {
      throw grantError(response, 'invalid_request', actor.reason);
    }
    const decision = await this.policy.decide({
      client: { clientId, clientIdAlias: response.clientIdAlias },
      subjectToken: subject.token,
      actorToken: actor?.token,
      requestedScopes: response.scopes ?? [],
      audiences: response.audiences ?? [],
      resources: response.resources ?? [],
      requestedTokenType: response.requestedTokenType,
      issuerScopes: subject.issuerScopes,
    });
    if (!decision.allowed) throw grantError(response, decision.error, decision.description);
    const act = actor?.ok === true ? { sub: actor.token.subject } : undefined;
    const created = await this.authlete.call('tokenCreate', {
      grantType: 'TOKEN_EXCHANGE',
      clientId,
      clientIdAliasUsed: response.clientIdAliasUsed,
      subject: subject.token.subject,
      scopes: [...decision.scopes],
      resources: decision.resources.length > 0 ? [...decision.resources] : undefined,
      accessTokenDuration: decision.accessTokenDuration,
      // RFC 8693 §4.1: the actor, in JWT access tokens and (as an extra property) introspection.
      jwtAtClaims: act === undefined ? undefined : JSON.stringify({ act }),
      properties:
        act === undefined ? undefined : [{ key: 'act', value: JSON.stringify(act), hidden: false }],
    });
    requireCreated(created, response);
    return issuedOutcome(createdTokenBody(created, true), response);
  }
}
