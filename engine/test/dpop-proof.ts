/** Test helper: DPoP proof JWTs (RFC 9449 §4.2) made with jose. */
import { createHash, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/** A DPoP key pair and a proof maker for it. */
export interface DpopKey {
  publicJwk: JWK;
  proof(claims: {
    htm: string;
    htu: string;
    accessToken?: string;
    jti?: string;
    iat?: number;
    /** The server's nonce (RFC 9449 §8), when it asked for one. */
    nonce?: string;
  }): Promise<string>;
}

/** A fresh ES256 DPoP key. */
export async function dpopKey(): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const publicJwk = await exportJWK(publicKey);
  return {
    publicJwk,
    proof: ({ htm, htu, accessToken, jti, iat, nonce }) => {
      const payload: Record<string, unknown> = { htm, htu, jti: jti ?? randomUUID() };
      if (nonce !== undefined) payload.nonce = nonce;
      if (accessToken !== undefined) {
        payload.ath = createHash('sha256').update(accessToken).digest('base64url');
      }
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: publicJwk })
        .setIssuedAt(iat)
        .sign(privateKey);
    },
  };
}
