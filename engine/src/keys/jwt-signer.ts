import { createHash } from 'node:crypto';
import { CompactSign, type JWTPayload } from 'jose';
import type { SigningAlg } from '../model/enums';
import type { ServiceKeys } from './service-keys';

const encoder = new TextEncoder();

/** Header parameters a caller may not set: the signer's own, and those changing the JWS form. */
const UNSETTABLE_HEADER_PARAMS = ['alg', 'kid', 'b64', 'crit'];

/** Signs JWTs with the service keys (ID tokens, JWT access tokens, userinfo and introspection JWTs). */
export class JwtSigner {
  constructor(
    private readonly keys: ServiceKeys,
    private readonly preferredKid?: string,
  ) {}

  /**
   * Produces a compact JWS of `payload`. Member order of the payload is kept as given.
   * @param typ the JOSE `typ` header (e.g. `at+jwt` per RFC 9068, `token-introspection+jwt` per RFC 9701).
   * @param extraHeader additional JWS header parameters (Authlete `idtHeaderParams`); they never
   *   replace `alg` or `kid`, and `b64`/`crit` (RFC 7797, which change how the JWS is built) are
   *   dropped.
   */
  async sign(
    payload: JWTPayload,
    alg: SigningAlg,
    typ?: string,
    extraHeader?: Record<string, unknown>,
  ): Promise<string> {
    const key = this.keys.keyFor(alg, this.preferredKid);
    const extra = { ...extraHeader };
    for (const name of UNSETTABLE_HEADER_PARAMS) delete extra[name];
    const header = {
      ...extra,
      alg,
      kid: key.kid,
      ...(typ === undefined ? {} : { typ }),
    };
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
