/**
 * The package's public API (docs/users.md, README "Use it as a library"): the
 * {@link AuthorizationServerModule} a Nest host imports, its ports and shipped user stores, and the
 * resource-server guard (RFC 6750, RFC 9449) other services protect their APIs with.
 */
export { createApp, type CreateAppOptions } from './bootstrap';
export { authorizationServerAdapterOptions } from './module/adapter-options';
export { AuthorizationServerModule } from './module/authorization-server.module';
export {
  AUTHORIZATION_SERVER_OPTIONS,
  type AuthorizationServerExtras,
  type AuthorizationServerOptions,
} from './module/authorization-server.options';
export { HostSetupError } from './module/fastify-setup';
export type { ExistingPort, PortSpec } from './module/port-spec';
export type { ServerFileOptions, ServerFilePaths } from './config/server-files';
export {
  UserAuthenticator,
  type AuthenticatedUser,
  type AuthenticationContext,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
} from './users/user-authenticator';
export { resolveClaims } from './users/claim-resolver';
export { FileUserAuthenticator } from './users/file-user-authenticator';
export { PostgresUserAuthenticator } from './users/postgres/postgres-user-authenticator';
export { LdapUserAuthenticator } from './users/ldap/ldap-user-authenticator';
export { TokenExchangePolicy } from './grants/token-exchange-policy';
export { CredentialIssuancePolicy } from './grants/credential-issuance-policy';
export { StoreSpaces } from './session/store-spaces';
export { KeyValueStore } from './session/key-value.store';
export { ResourceServerModule } from './resource-server/resource-server.module';
export type { ResourceServerOptions } from './resource-server/resource-server.options';
export type { RemoteIntrospection } from './resource-server/remote-token-introspector';
export { RequireScopes } from './resource-server/require-scopes.decorator';
export { AuthleteBearerGuard } from './resource-server/authlete-bearer.guard';
export {
  AUTHLETE_BEARER,
  AuthleteBearerStrategy,
  type AccessTokenPrincipal,
} from './resource-server/authlete-bearer.strategy';
