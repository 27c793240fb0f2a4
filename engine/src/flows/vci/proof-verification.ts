import { decodeProtectedHeader, importJWK, type JWK, jwtVerify } from 'jose';
import type { EngineContext } from '../../context/engine-context';
import { problem, type CredentialProblem } from './vci-errors';
import { PROOF_SIGNING_ALGS } from './vci-metadata';

/** The JOSE `typ` of a JWT proof (OID4VCI 1.0 Appendix F.1). */
export const PROOF_TYP = 'openid4vci-proof+jwt';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];
const MAX_PROOF_LENGTH = 16_384;

function invalidProof(code: string, text: string): CredentialProblem {
  return problem('invalid_proof', code, text);
}

function proofKey(header: Record<string, unknown>): JWK | CredentialProblem {
  const { jwk } = header;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) {
    return invalidProof(
      'A326311',
      "The proof has no 'jwk' header; only jwk key binding is supported.",
    );
  }
  if (PRIVATE_MEMBERS.some((name) => name in jwk)) {
    return invalidProof('A326312', "The proof's 'jwk' header contains private key material.");
  }
  return jwk;
}

/**
 * Verifies one JWT proof of possession (OID4VCI 1.0 Appendix F.1, F.4): `typ`
 * `openid4vci-proof+jwt`, an asymmetric `alg` (never `none` or a MAC), a public `jwk` header
 * that verifies the signature, `aud` the credential issuer, an `iat`, and a `nonce` this issuer
 * handed out through /vci/nonce and that has not expired. Answers the proof's public key.
 */
export async function verifyJwtProof(
  context: EngineContext,
  jwt: string,
): Promise<JWK | CredentialProblem> {
  if (jwt.length > MAX_PROOF_LENGTH) return invalidProof('A326310', 'The proof is too large.');
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return invalidProof('A326310', 'The proof is not a JWT.');
  }
  if (header.typ !== PROOF_TYP) {
    return invalidProof('A326313', `The proof's 'typ' header is not '${PROOF_TYP}'.`);
  }
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (!PROOF_SIGNING_ALGS.includes(alg)) {
    return invalidProof('A326314', `The proof's signing algorithm '${alg}' is not accepted.`);
  }
  const jwk = proofKey(header);
  if ('error' in jwk) return jwk;
  let nonce: unknown;
  try {
    const key = await importJWK(jwk, alg);
    const { payload } = await jwtVerify(jwt, key, {
      typ: PROOF_TYP,
      algorithms: [alg],
      audience: context.service.vci.credentialIssuer,
      requiredClaims: ['iat'],
      currentDate: new Date(context.now()),
      clockTolerance: 60,
    });
    if (typeof payload.iat === 'number' && payload.iat * 1000 > context.now() + 60_000) {
      return invalidProof('A326316', "The proof's 'iat' is in the future.");
    }
    nonce = payload.nonce;
  } catch {
    return invalidProof(
      'A326315',
      'The proof could not be verified with its key, or its audience or time claims are wrong.',
    );
  }
  if (typeof nonce !== 'string' || context.stores.vci.nonces.get(nonce) === undefined) {
    return problem(
      'invalid_nonce',
      'A326317',
      "The proof's 'nonce' is missing, unknown or expired.",
    );
  }
  return jwk;
}
