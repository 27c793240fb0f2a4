import { createHash, randomBytes } from 'node:crypto';
import type { EngineContext } from '../../context/engine-context';
import { nowSeconds } from '../../context/engine-context';
import type { CredentialConfiguration } from '../../model/vci';

/** The media type and JOSE `typ` of an SD-JWT VC (SD-JWT VC §3.2.1). */
export const SD_JWT_VC_TYP = 'dc+sd-jwt';

/** Claims that are never selectively disclosable (SD-JWT VC §3.2.2.2) or that the issuer sets. */
const PLAIN_CLAIMS = new Set([
  'iss',
  'nbf',
  'exp',
  'iat',
  'cnf',
  'vct',
  'vct#integrity',
  'status',
  'sub',
  '_sd',
  '_sd_alg',
  '...',
]);

/** One disclosure (SD-JWT §4.2.1): base64url of `[salt, name, value]`, with its digest. */
function disclosure(name: string, value: unknown): { encoded: string; digest: string } {
  const salt = randomBytes(16).toString('base64url');
  const encoded = Buffer.from(JSON.stringify([salt, name, value]), 'utf8').toString('base64url');
  const digest = createHash('sha256').update(encoded, 'ascii').digest('base64url');
  return { encoded, digest };
}

/** What one SD-JWT VC is made of. */
export interface SdJwtVcInput {
  configuration: CredentialConfiguration;
  /** The claims from the issuance order's `credentialPayload`. */
  payload: Record<string, unknown>;
  /** The holder's public key (the JWT proof's `jwk`), put in `cnf` (RFC 7800 §3.2). */
  holderKey: Record<string, unknown>;
  /** Seconds the credential is valid. */
  duration: number;
}

/**
 * Issues an SD-JWT VC (SD-JWT VC §3; SD-JWT RFC 9901 §4): an ES256 JWT of `typ` `dc+sd-jwt` signed
 * with the issuer's key, with `iss`, `iat`, `exp`, `vct`, `cnf.jwk` and `_sd_alg` in the clear and
 * every other top-level claim of the payload (except `sub`) as a salted disclosure whose SHA-256
 * digest is listed in `_sd`, sorted so the order tells nothing. Answers `<jwt>~<disclosure>~…~`.
 */
export async function issueSdJwtVc(context: EngineContext, input: SdJwtVcInput): Promise<string> {
  const issuedAt = nowSeconds(context);
  const disclosures = Object.entries(input.payload)
    .filter(([name]) => !PLAIN_CLAIMS.has(name))
    .map(([name, value]) => disclosure(name, value));
  const digests = disclosures.map((each) => each.digest).sort();
  const claims: Record<string, unknown> = {
    iss: context.service.vci.credentialIssuer,
    iat: issuedAt,
    exp: issuedAt + input.duration,
    vct: input.configuration.vct,
    cnf: { jwk: input.holderKey },
  };
  if (typeof input.payload.sub === 'string') claims.sub = input.payload.sub;
  claims._sd = digests;
  claims._sd_alg = 'sha-256';
  const jwt = await context.signer.sign(claims, 'ES256', SD_JWT_VC_TYP);
  return `${[jwt, ...disclosures.map((each) => each.encoded)].join('~')}~`;
}
