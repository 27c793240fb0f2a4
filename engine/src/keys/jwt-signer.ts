import { createHash } from 'node:crypto';
import { CompactSign, type JWTPayload } from 'jose';
import type { SigningAlg } from '../model/enums';
import type { ServiceKeys } from './service-keys';

const encoder = new TextEncoder();

/** Signs JWTs with the service keys (ID tokens, JWT access tokens, userinfo and introspection JWTs). */
export class JwtSigner {
  constructor(
    private readonly keys: ServiceKeys,
    private readonly preferredKid?: string,
  ) {}

  /**
   * Produces a compact JWS of `payload`. Member order of the payload is kept as given.
   * @param typ the JOSE `typ` header (e.g. `at+jwt` per RFC 9068, `token-introspection+jwt` per RFC 9701).
   */
  async sign(payload: JWTPayload, alg: SigningAlg, typ?: string): Promise<string> {
    const key = this.keys.keyFor(alg, this.preferredKid);
    const header = typ === undefined ? { alg, kid: key.kid } : { alg, kid: key.kid, typ };
    return new CompactSign(encoder.encode(JSON.stringify(payload)))
      .setProtectedHeader(header)
      .sign(key.privateKey);
  }
}

/**
 * The left-most half of the hash of `value`, base64url-encoded: `at_hash` / `c_hash`
 * (OpenID Connect Core §3.1.3.6, §3.3.2.11). SHA-256 serves every algorithm the engine signs with.
 */
export function leftHalfHash(value: string): string {
  const digest = createHash('sha256').update(value, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}
