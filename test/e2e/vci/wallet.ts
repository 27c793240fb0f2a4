import { SDJwtInstance } from '@sd-jwt/core';
import { digest, ES256 } from '@sd-jwt/crypto-nodejs';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export const PRE_AUTHORIZED_GRANT = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** A wallet's holder key pair: the private key signs proofs, the public JWK goes in them. */
export interface HolderKey {
  privateKey: CryptoKey;
  jwk: Record<string, unknown>;
}

/** A fresh P-256 holder key. */
export async function holderKey(): Promise<HolderKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)) } };
}

/** Options to spoil a proof for negative tests. */
export interface ProofOptions {
  typ?: string;
  audience?: string;
  /** Put this JWK in the header instead of the signing key's. */
  headerJwk?: Record<string, unknown>;
}

/** A JWT proof of possession (OID4VCI 1.0 Appendix F.1) for `issuer` with `nonce`. */
export function proofJwt(
  holder: HolderKey,
  issuer: string,
  nonce: string,
  options: ProofOptions = {},
): Promise<string> {
  return new SignJWT({ nonce })
    .setProtectedHeader({
      alg: 'ES256',
      typ: options.typ ?? 'openid4vci-proof+jwt',
      jwk: options.headerJwk ?? holder.jwk,
    })
    .setAudience(options.audience ?? issuer)
    .setIssuedAt()
    .sign(holder.privateKey);
}

/** An unsigned proof (`alg: none`), which the issuer must refuse. */
export function unsignedProof(holder: HolderKey, issuer: string, nonce: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const header = { alg: 'none', typ: 'openid4vci-proof+jwt', jwk: holder.jwk };
  const payload = { aud: issuer, nonce, iat: Math.floor(Date.now() / 1000) };
  return `${part(header)}.${part(payload)}.`;
}

/** JSON POST helper. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    headers: response.headers,
  };
}

/**
 * An independent SD-JWT verifier (@sd-jwt/core) holding the issuer's published keys, found
 * through its JWT VC issuer metadata (SD-JWT VC §5): `/.well-known/jwt-vc-issuer` → `jwks_uri`.
 */
export async function issuerVerifier(
  issuer: string,
): Promise<SDJwtInstance<Record<string, unknown>>> {
  const metadata = (await (await fetch(`${issuer}/.well-known/jwt-vc-issuer`)).json()) as {
    issuer: string;
    jwks_uri: string;
  };
  if (metadata.issuer !== issuer) throw new Error(`metadata names ${metadata.issuer}`);
  const jwks = (await (await fetch(metadata.jwks_uri)).json()) as { keys: { kty: string }[] };
  const verifiers = await Promise.all(
    jwks.keys.filter((key) => key.kty === 'EC').map((key) => ES256.getVerifier(key)),
  );
  return new SDJwtInstance({
    hasher: digest,
    hashAlg: 'sha-256',
    verifier: async (data, signature) => {
      for (const verify of verifiers) if (await verify(data, signature)) return true;
      return false;
    },
  });
}
