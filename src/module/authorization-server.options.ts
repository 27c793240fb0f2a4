import type { ServerFileOptions } from '../config/server-files';
import type { CredentialIssuancePolicy } from '../grants/credential-issuance-policy';
import type { TokenExchangePolicy } from '../grants/token-exchange-policy';
import type { StoreSpaces } from '../session/store-spaces';
import type { UserAuthenticator } from '../users/user-authenticator';
import type { DestinationStream } from 'pino';
import type { PortSpec } from './port-spec';

/** The injection token of the host's {@link AuthorizationServerOptions}. */
export const AUTHORIZATION_SERVER_OPTIONS = Symbol('AUTHORIZATION_SERVER_OPTIONS');

/**
 * What a host gives `AuthorizationServerModule.forRoot(options)`, or returns from the factory of
 * `forRootAsync({ imports, inject, useFactory })`. Every member is optional: the standalone server
 * runs on the environment alone (docs/configuration.md).
 */
export interface AuthorizationServerOptions {
  /**
   * The end-user store (design.md §6): your class (its constructor gets your services injected),
   * an instance, or `{ useExisting: YourProvider }`. Omitted: the store `USER_STORE` selects.
   */
  readonly userAuthenticator?: PortSpec<UserAuthenticator>;
  /** RFC 8693 token-exchange decisions; omitted: `DefaultTokenExchangePolicy`. */
  readonly tokenExchangePolicy?: PortSpec<TokenExchangePolicy>;
  /** OID4VCI credential issuance decisions (docs/vci.md); omitted: the default policy. */
  readonly credentialIssuancePolicy?: PortSpec<CredentialIssuancePolicy>;
  /**
   * Where browser sessions, interactions, consents and login limits live; omitted: in memory, or
   * Redis when `REDIS_URL` is set.
   */
  readonly storeSpaces?: PortSpec<StoreSpaces>;
  /** Configuration files; each wins over its environment variable (see `ServerFileOptions`). */
  readonly files?: ServerFileOptions;
  /** Signs the session cookies; omitted: `SESSION_SECRET`. */
  readonly sessionSecret?: string;
}

/**
 * Options fixed when the module is declared (they shape its routes and logger), given to
 * `forRoot` and `forRootAsync` alike, next to the options above.
 */
export interface AuthorizationServerExtras {
  /**
   * Path every endpoint is mounted under, e.g. `oauth` → `/oauth/api/token` and
   * `/oauth/.well-known/openid-configuration`; omitted: `ROUTE_PREFIX`, or none. `ISSUER` must
   * end with it (the advertised endpoint URLs are the issuer followed by the endpoint paths).
   */
  readonly routePrefix?: string;
  /** Where JSON logs go; stdout when omitted (tests capture them). */
  readonly logDestination?: DestinationStream;
}
