/** The client asking for a token exchange (RFC 8693 §2.1), as Authlete identified it. */
export interface ExchangingClient {
  /** Authlete's numeric client ID. */
  readonly clientId: number;
  /** The OAuth `client_id` the client used (its alias when it has one). */
  readonly clientIdAlias?: string;
}

/** Where a validated subject (or actor) token came from, and what it said. */
export interface ExchangedToken {
  /** RFC 8693 §3 token type, by Authlete's constant name (`ACCESS_TOKEN`, `JWT`, `ID_TOKEN`, …). */
  readonly tokenType: string;
  /** The subject this server will use for the issued token (after the issuer's mapping). */
  readonly subject: string;
  /** `iss` of a JWT, or this server's issuer for its own tokens. */
  readonly issuer: string;
  /** The client the token was issued to, when it is one of this server's tokens. */
  readonly clientId?: number;
  /** Scopes the token carries; undefined when unknown (a JWT of another issuer). */
  readonly scopes?: readonly string[];
}

/** One RFC 8693 §2.1 request, after every token in it has been validated. */
export interface TokenExchangeRequest {
  readonly client: ExchangingClient;
  readonly subjectToken: ExchangedToken;
  readonly actorToken?: ExchangedToken;
  /** `scope`; empty when absent. */
  readonly requestedScopes: readonly string[];
  /** `audience` values (logical names or URIs); empty when absent. */
  readonly audiences: readonly string[];
  /** `resource` values (RFC 8707 absolute URIs); empty when absent. */
  readonly resources: readonly string[];
  /** `requested_token_type` by Authlete's constant name, when given. */
  readonly requestedTokenType?: string;
  /** Scopes the trusted issuer of a foreign subject token may grant, when configured. */
  readonly issuerScopes?: readonly string[];
}

/** What to issue when the exchange is allowed. */
export interface TokenExchangeGrant {
  readonly allowed: true;
  /** Scopes of the issued access token. */
  readonly scopes: readonly string[];
  /** Where the token may be used: becomes its audience (`aud` in introspection, RFC 8707). */
  readonly resources: readonly string[];
  /** Seconds; omit for the client's or service's default. */
  readonly accessTokenDuration?: number;
}

/** Why the exchange is refused: an RFC 8693 §2.2.2 error. */
export interface TokenExchangeRefusal {
  readonly allowed: false;
  readonly error: 'invalid_request' | 'invalid_target' | 'invalid_scope' | 'unauthorized_client';
  readonly description: string;
}

/** The policy's answer. */
export type TokenExchangeDecision = TokenExchangeGrant | TokenExchangeRefusal;

/**
 * The port that decides token exchanges (RFC 8693 §2, §5): whether this client may exchange this
 * subject for these audiences, resources and scopes, and what the new token holds. Called after the
 * subject and actor tokens are validated; the subject of the issued token is always the subject
 * token's. Provide yours with `AuthorizationServerModule.forRoot({ tokenExchangePolicy })`; the default is
 * {@link DefaultTokenExchangePolicy} (docs/token-exchange.md).
 */
export abstract class TokenExchangePolicy {
  abstract decide(request: TokenExchangeRequest): Promise<TokenExchangeDecision>;
}
