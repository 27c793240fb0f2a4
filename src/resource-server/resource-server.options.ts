import type { RemoteIntrospection } from './remote-token-introspector';

/** Injection token of {@link ResourceServerOptions}. */
export const RESOURCE_SERVER_OPTIONS = Symbol('RESOURCE_SERVER_OPTIONS');

/** How `ResourceServerModule` protects the host's routes. */
export interface ResourceServerOptions {
  /**
   * Introspect at this server's `/api/introspection` (a separate service); omitted: through the
   * Authlete connection of an `AuthorizationServerModule` in the same application.
   */
  readonly remote?: RemoteIntrospection;
  /** Resource URIs the token must be meant for (RFC 8707), checked at every protected route. */
  readonly resources?: readonly string[];
  /** How long positive answers are cached, in seconds (default 30; 0 turns the cache off). */
  readonly cacheTtlSeconds?: number;
  /**
   * The public base URL of the protected routes as clients call them (scheme, host and any path
   * prefix a proxy strips): the DPoP `htu` a proof must carry is this plus the request's path
   * (RFC 9449 §4.3). Omitted: the ISSUER of the `AuthorizationServerModule` in the same
   * application; in a separate service without either, the request's scheme and `Host`, with a
   * warning at start-up (a client can name any host there, RFC 9449 §11.1).
   */
  readonly publicUrl?: string;
  /** `realm` of the challenges (RFC 6750 §3). */
  readonly realm?: string;
  /**
   * Headers a TLS-terminating proxy forwards the client certificate in (RFC 8705 §3); none by
   * default. Name them only when every request passes that proxy, which overwrites them.
   */
  readonly clientCertificateHeaders?: readonly string[];
}
