import { createHash, X509Certificate } from 'node:crypto';

/**
 * The `x5t#S256` of a client certificate (RFC 8705 §3.1): base64url SHA-256 of its DER encoding.
 * Accepts PEM; undefined when the value is not a certificate.
 */
export function certificateThumbprint(pem: string): string | undefined {
  try {
    return createHash('sha256').update(new X509Certificate(pem).raw).digest('base64url');
  } catch {
    return undefined;
  }
}
