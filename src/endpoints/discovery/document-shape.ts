import { AuthleteApiError } from '../../authlete/authlete-api.error';
import type { JwksAnswer } from '../../authlete/authlete.service';
import type { JsonDocument } from '../../authlete/types';

/** JWK members that only a private or symmetric key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

function isUrl(value: unknown): boolean {
  return typeof value === 'string' && URL.canParse(value);
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Why a metadata document is unusable, or undefined when it has the expected shape. */
function metadataProblem(document: JsonDocument): string | undefined {
  if (!isUrl(document['issuer'])) return 'issuer is not a URL';
  for (const [name, value] of Object.entries(document)) {
    if ((name.endsWith('_endpoint') || name === 'jwks_uri') && !isUrl(value)) {
      return `${name} is not a URL`;
    }
    // `*_supported` members are lists of strings or, for a few features, booleans.
    if (name.endsWith('_supported') && typeof value !== 'boolean' && !isStringArray(value)) {
      return `${name} is neither a list of strings nor a boolean`;
    }
  }
  return undefined;
}

/** Why a JWK Set is unusable or unsafe to publish, or undefined when it is a public JWK Set. */
function jwkSetProblem(document: JsonDocument): string | undefined {
  const keys = document['keys'];
  if (!Array.isArray(keys)) return 'keys is not a list';
  for (const key of keys as unknown[]) {
    if (typeof key !== 'object' || key === null || Array.isArray(key)) {
      return 'a key is not an object';
    }
    const members = key as Record<string, unknown>;
    if (typeof members['kty'] !== 'string') return 'a key has no kty';
    if (PRIVATE_MEMBERS.some((name) => name in members)) return 'a key has private members';
  }
  return undefined;
}

function refuse(api: string, problem: string): never {
  const error = new AuthleteApiError(api, 'invalid-json', 200, undefined, problem);
  throw error;
}

/**
 * Checks Authlete's provider metadata before it is cached and served (RFC 8414 §2, OIDC Discovery
 * §3): `issuer` and every endpoint are URLs, every `*_supported` member a list of strings or a
 * boolean. A malformed answer is an Authlete failure (logged 500), never a cached document.
 */
export function checkedMetadata(document: JsonDocument): JsonDocument {
  const problem = metadataProblem(document);
  return problem === undefined ? document : refuse('service/configuration', problem);
}

/**
 * Checks a JWK Set answer before it is cached and served (RFC 7517 §5): a `keys` list of objects
 * with `kty`, and no private key material — publishing it would hand out the signing keys.
 */
export function checkedJwks(answer: JwksAnswer): JwksAnswer {
  if (answer.kind !== 'document') return answer;
  const problem = jwkSetProblem(answer.document);
  return problem === undefined ? answer : refuse('service/jwks/get', problem);
}
