/**
 * Every asymmetric JWS algorithm (RFC 7518 §3.1, RFC 8037 §3.1): what this server accepts where a
 * signature must prove possession of a private key (client assertions, DPoP proofs, trusted
 * issuers' JWTs). `none` and the shared-secret HMAC algorithms are never in it.
 */
export const ASYMMETRIC_JWS_ALGS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;
