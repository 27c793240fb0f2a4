import type { JWK } from 'jose';
import {
  type SubjectMapping,
  TRUSTED_ALGORITHMS,
  type TrustedIssuer,
  type TrustedIssuerUse,
} from './trusted-issuer';

const USES: readonly TrustedIssuerUse[] = ['jwt-bearer', 'token-exchange', 'ciba-login-hint-token'];
/** Uses an entry without `uses` gets; CIBA login hint tokens must be named explicitly. */
const DEFAULT_USES: readonly TrustedIssuerUse[] = ['jwt-bearer', 'token-exchange'];
const MAPPINGS: readonly SubjectMapping[] = ['users', 'prefixed'];
const DEFAULT_MAX_LIFETIME = 300;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');

/** Reads one entry, pushing one line per problem into `errors`. */
function readEntry(entry: unknown, at: string, errors: string[]): TrustedIssuer | undefined {
  if (!isObject(entry)) {
    errors.push(`${at}: must be an object`);
    return undefined;
  }
  const failed = errors.length;
  const issuer = entry.issuer;
  if (typeof issuer !== 'string' || !URL.canParse(issuer)) {
    errors.push(`${at}.issuer: must be an absolute URL`);
  }
  const { jwks, jwksUri } = entry;
  if ((jwks === undefined) === (jwksUri === undefined)) {
    errors.push(`${at}: exactly one of jwks and jwksUri is required`);
  }
  if (jwksUri !== undefined && (typeof jwksUri !== 'string' || !/^https?:\/\//.test(jwksUri))) {
    errors.push(`${at}.jwksUri: must be an http(s) URL`);
  }
  const keys = isObject(jwks) ? jwks.keys : undefined;
  if (jwks !== undefined && (!Array.isArray(keys) || keys.length === 0)) {
    errors.push(`${at}.jwks.keys: must be a non-empty array of JWKs`);
  } else if (Array.isArray(keys)) {
    keys.forEach((key: unknown, index) => {
      if (!isObject(key) || typeof key.kty !== 'string') {
        errors.push(`${at}.jwks.keys[${index}]: must be a JWK with kty`);
      } else if (key.d !== undefined || key.k !== undefined) {
        errors.push(`${at}.jwks.keys[${index}]: must be a public key (no d or k)`);
      }
    });
  }
  const algorithms = entry.algorithms;
  const allowed = TRUSTED_ALGORITHMS as readonly string[];
  if (!isStringArray(algorithms) || algorithms.length === 0) {
    errors.push(`${at}.algorithms: must list at least one of ${allowed.join(', ')}`);
  } else {
    for (const alg of algorithms.filter((value) => !allowed.includes(value))) {
      errors.push(`${at}.algorithms: "${alg}" is not an asymmetric JWS algorithm`);
    }
  }
  const uses = entry.uses ?? DEFAULT_USES;
  if (!isStringArray(uses) || !uses.every((use) => (USES as string[]).includes(use))) {
    errors.push(`${at}.uses: must be a list of ${USES.join(', ')}`);
  }
  const subjects = entry.subjects ?? 'users';
  if (!(MAPPINGS as unknown[]).includes(subjects)) {
    errors.push(`${at}.subjects: must be one of ${MAPPINGS.join(', ')}`);
  }
  const prefix = entry.subjectPrefix ?? '';
  if (typeof prefix !== 'string') errors.push(`${at}.subjectPrefix: must be a string`);
  const audiences = entry.audiences ?? [];
  if (!isStringArray(audiences)) errors.push(`${at}.audiences: must be a list of strings`);
  const lifetime = entry.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME;
  if (typeof lifetime !== 'number' || !Number.isInteger(lifetime) || lifetime < 1) {
    errors.push(`${at}.maxLifetimeSeconds: must be a positive integer`);
  }
  const scopes = entry.scopes;
  if (scopes !== undefined && !isStringArray(scopes)) {
    errors.push(`${at}.scopes: must be a list of scope names`);
  }
  const demo = entry.demo ?? false;
  if (typeof demo !== 'boolean') errors.push(`${at}.demo: must be true or false`);
  if (errors.length > failed) return undefined;
  return {
    issuer: issuer as string,
    jwks: isObject(jwks) ? { keys: keys as JWK[] } : undefined,
    jwksUri: jwksUri as string | undefined,
    algorithms: algorithms as string[],
    uses: uses as TrustedIssuerUse[],
    subjects: subjects as SubjectMapping,
    subjectPrefix: prefix as string,
    audiences: audiences as string[],
    maxLifetimeSeconds: lifetime as number,
    scopes: scopes as string[] | undefined,
    demo: demo as boolean,
  };
}

/**
 * Parses and validates the trusted-issuers file (docs/trusted-issuers.md). Returns the issuers,
 * or every problem found, one line each, each naming the file and the field.
 */
export function parseTrustedIssuers(
  text: string,
  file: string,
  production: boolean,
): { issuers: TrustedIssuer[]; errors: string[] } {
  const errors: string[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text) as unknown;
  } catch {
    return { issuers: [], errors: [`TRUSTED_ISSUERS_FILE ${file}: not valid JSON`] };
  }
  const list = isObject(json) ? json.trustedIssuers : undefined;
  if (!Array.isArray(list)) {
    return {
      issuers: [],
      errors: [`TRUSTED_ISSUERS_FILE ${file}: trustedIssuers must be an array`],
    };
  }
  const issuers: TrustedIssuer[] = [];
  const seen = new Set<string>();
  list.forEach((entry: unknown, index) => {
    const at = `TRUSTED_ISSUERS_FILE ${file}: trustedIssuers[${index}]`;
    const issuer = readEntry(entry, at, errors);
    if (issuer === undefined) return;
    if (seen.has(issuer.issuer)) errors.push(`${at}.issuer: "${issuer.issuer}" is listed twice`);
    if (issuer.demo && production) {
      errors.push(`${at}: the demo issuer ${issuer.issuer} is refused with NODE_ENV=production`);
    }
    seen.add(issuer.issuer);
    issuers.push(issuer);
  });
  return { issuers, errors };
}
