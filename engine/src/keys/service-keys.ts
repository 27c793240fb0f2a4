import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { JWK } from 'jose';
import type { SigningAlg } from '../model/enums';

const generateKeyPairAsync = promisify(generateKeyPair);

/** File, inside the data directory, that keeps generated keys across restarts (issue 3 item 6). */
export const KEY_FILE_NAME = 'engine-signing-keys.json';

/** One private signing key, parsed once into a KeyObject so signing never re-imports it. */
export interface SigningKey {
  kid: string;
  kty: 'RSA' | 'EC';
  privateKey: KeyObject;
  publicJwk: JWK;
}

/** The service's signing keys (Authlete service `jwks`, authlete-api.md §8.7, §11.15). */
export class ServiceKeys {
  constructor(private readonly keys: readonly SigningKey[]) {}

  /** The key for a JWS algorithm: RSA for RS256/PS256, P-256 for ES256; `kid` preferred if given. */
  keyFor(alg: SigningAlg, preferredKid?: string): SigningKey {
    const kty = alg === 'ES256' ? 'EC' : 'RSA';
    const candidates = this.keys.filter((key) => key.kty === kty);
    const key = candidates.find((candidate) => candidate.kid === preferredKid) ?? candidates[0];
    if (key === undefined) throw new Error(`no ${kty} signing key for ${alg}`);
    return key;
  }

  /** The public JWK Set; private members never leave this class. */
  publicJwkSet(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => ({ ...key.publicJwk })) };
  }
}

function toSigningKey(jwk: JWK, index: number): SigningKey {
  const kty = jwk.kty === 'RSA' ? 'RSA' : jwk.kty === 'EC' ? 'EC' : undefined;
  if (kty === undefined) {
    throw new Error(`service signing key ${index} has unsupported kty ${String(jwk.kty)}`);
  }
  if (kty === 'EC' && jwk.crv !== 'P-256') {
    throw new Error(`service signing key ${index} must use the P-256 curve`);
  }
  const privateKey = createPrivateKey({ key: jwk as Record<string, string>, format: 'jwk' });
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' }) as JWK;
  const kid = jwk.kid ?? `key-${index + 1}`;
  const alg = kty === 'EC' ? { alg: 'ES256' } : {};
  return { kid, kty, privateKey, publicJwk: { ...publicJwk, kid, use: 'sig', ...alg } };
}

async function generateKeys(): Promise<JWK[]> {
  const stamp = Date.now().toString(36);
  const rsa = await generateKeyPairAsync('rsa', { modulusLength: 2048 });
  const ec = await generateKeyPairAsync('ec', { namedCurve: 'P-256' });
  return [
    { ...(rsa.privateKey.export({ format: 'jwk' }) as JWK), kid: `rsa-${stamp}` },
    { ...(ec.privateKey.export({ format: 'jwk' }) as JWK), kid: `ec-${stamp}` },
  ];
}

async function readKeyFile(path: string): Promise<JWK[] | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
  const parsed = JSON.parse(text) as { keys?: JWK[] };
  if (!Array.isArray(parsed.keys)) throw new Error(`${path} has no "keys" array`);
  return parsed.keys;
}

/**
 * Loads the service keys: from the configuration when it has `jwks`, else from the data
 * directory, else generates an RSA and a P-256 key once and writes them there (mode 0600).
 */
export async function loadServiceKeys(
  configured: JWK[] | undefined,
  dataDir: string,
): Promise<ServiceKeys> {
  let jwks = configured;
  if (jwks === undefined) {
    const path = join(dataDir, KEY_FILE_NAME);
    jwks = await readKeyFile(path);
    if (jwks === undefined) {
      jwks = await generateKeys();
      await mkdir(dataDir, { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ keys: jwks }, null, 2), { mode: 0o600 });
      await rename(temporary, path);
    }
  }
  const keys = jwks.map(toSigningKey);
  if (!keys.some((key) => key.kty === 'RSA')) {
    throw new Error('the service needs an RSA signing key');
  }
  return new ServiceKeys(keys);
}
