/**
 * A minimal wallet for the README tour of OpenID for Verifiable Credential Issuance 1.0:
 *
 *   node dist/scripts/vci-wallet.js proof <credential_issuer> <c_nonce>
 *     makes a P-256 holder key and prints a JWT proof of possession (Appendix F.1) as JSON:
 *     {"proof": "<jwt>", "holder_jwk": {…private key…}}
 *   node dist/scripts/vci-wallet.js decode <sd-jwt>
 *     prints the issuer-signed JWT's header and payload and each disclosure (SD-JWT §4.2).
 *
 * It verifies nothing: the tests verify credentials with an independent SD-JWT library.
 */
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';

async function proof(issuer: string, nonce: string): Promise<void> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(publicKey);
  const jwt = await new SignJWT({ nonce })
    .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk })
    .setAudience(issuer)
    .setIssuedAt()
    .sign(privateKey);
  const holder = await exportJWK(privateKey);
  console.log(JSON.stringify({ proof: jwt, holder_jwk: holder }, null, 2));
}

function decode(sdJwt: string): void {
  const [jwt = '', ...disclosures] = sdJwt.split('~').filter((part) => part !== '');
  const decoded = disclosures.map(
    (disclosure) => JSON.parse(Buffer.from(disclosure, 'base64url').toString('utf8')) as unknown,
  );
  const output = {
    header: decodeProtectedHeader(jwt),
    payload: decodeJwt(jwt),
    disclosures: decoded,
  };
  console.log(JSON.stringify(output, null, 2));
}

async function main(argv: readonly string[]): Promise<number> {
  const [command, first, second] = argv;
  if (command === 'proof' && first !== undefined && second !== undefined) {
    await proof(first, second);
    return 0;
  }
  if (command === 'decode' && first !== undefined) {
    decode(first);
    return 0;
  }
  console.error('usage: vci-wallet proof <credential_issuer> <c_nonce> | decode <sd-jwt>');
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
