import { ASYMMETRIC_JWS_ALGS } from '../../../contract';
import type { JWK } from 'jose';

/**
 * What a trusted issuer's JWTs may be used for: JWT-bearer assertions (RFC 7523), token-exchange
 * subject tokens (RFC 8693), CIBA `login_hint_token`s (CIBA Core §7.1).
 */
export type TrustedIssuerUse = 'jwt-bearer' | 'token-exchange' | 'ciba-login-hint-token';

/**
 * How the `sub` of a trusted issuer's JWT becomes this server's subject: `users` looks it up with
 * `UserAuthenticator.findBySubject` (it must be a known user); `prefixed` uses `subjectPrefix` +
 * `sub` as is (workload identities that are not users).
 */
export type SubjectMapping = 'users' | 'prefixed';

/** Asymmetric JWS algorithms a trusted issuer may use; `none` and shared-secret HMAC never. */
export const TRUSTED_ALGORITHMS = ASYMMETRIC_JWS_ALGS;

/** One validated entry of the trusted-issuers file (docs/trusted-issuers.md). */
export interface TrustedIssuer {
  /** Exact `iss` value. */
  readonly issuer: string;
  /** Static public keys, or … */
  readonly jwks?: { keys: JWK[] };
  /** … a JWK Set URL fetched and cached (jose remote JWK Set). */
  readonly jwksUri?: string;
  readonly algorithms: readonly string[];
  readonly uses: readonly TrustedIssuerUse[];
  readonly subjects: SubjectMapping;
  readonly subjectPrefix: string;
  /** Extra `aud` values accepted besides this server's issuer and token endpoint. */
  readonly audiences: readonly string[];
  /** Longest accepted `exp - iat` (or `exp - now`), in seconds. */
  readonly maxLifetimeSeconds: number;
  /** Scopes tokens obtained with this issuer's JWTs may carry; undefined = none beyond policy. */
  readonly scopes?: readonly string[];
  /** A demonstration issuer whose private key is public: refused with NODE_ENV=production. */
  readonly demo: boolean;
}
