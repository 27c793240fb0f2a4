/** Raw JSON documents returned without an envelope (authlete-api.md §8.6, §8.7, §11.14). */
export type JsonDocument = Record<string, unknown>;

/**
 * `GET /service/configuration` query (§8.6): `pretty` indents the JSON. The answer is the
 * OpenID Provider metadata (OIDC Discovery §3, RFC 8414 §2) as a bare document.
 */
export interface ServiceConfigurationRequest {
  pretty?: boolean;
}

/**
 * `GET /service/jwks/get` query (§8.7). The answer is the service's JWK Set (RFC 7517 §5), 204
 * when it has none, or a 302 to its external `jwks_uri`. Private keys are never asked for.
 */
export interface ServiceJwksRequest {
  includePrivateKeys?: false;
  pretty?: boolean;
}
