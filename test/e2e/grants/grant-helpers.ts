import { readFileSync } from 'node:fs';
import { importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';

/** The demo issuer of config/trusted-issuers.json and its private key (shipped for demos only). */
export const DEMO_ISSUER = 'https://demo-assertion-issuer.example';
export const DEMO_ISSUER_KEY = JSON.parse(
  readFileSync('config/demo-assertion-issuer.PRIVATE-DEMO-ONLY.jwk.json', 'utf8'),
) as JWK;
/** The app's default issuer (startTestApp leaves ISSUER unset) and its token endpoint. */
export const ISSUER = 'http://localhost:8080';
export const TOKEN_ENDPOINT = `${ISSUER}/api/token`;

export const EXCHANGE = { id: 'demo-exchange', secret: 'demo-exchange-secret' };
export const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';

/** A parsed HTTP answer. */
export interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

/** POSTs a form to the app with Basic client credentials. */
export async function postForm(
  url: string,
  params: Record<string, string>,
  client: { id: string; secret: string },
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams(params).toString(),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

/** A password-grant access token for alice (demo-legacy, RFC 6749 §4.3). */
export async function aliceAccessToken(base: string, scope = 'read write'): Promise<string> {
  const answer = await postForm(
    `${base}/api/token`,
    { grant_type: 'password', username: 'alice', password: 'alice-password', scope },
    { id: 'demo-legacy', secret: 'demo-legacy-secret' },
  );
  expect(answer.status).toBe(200);
  return answer.json.access_token as string;
}

/** RFC 7662 introspection as the demo resource server. */
export async function introspect(base: string, token: string): Promise<Record<string, unknown>> {
  const answer = await postForm(
    `${base}/api/introspection`,
    { token },
    { id: 'demo-rs', secret: 'demo-rs-secret' },
  );
  expect(answer.status).toBe(200);
  return answer.json;
}

/** A JWT signed by the demo issuer (or `key`), with `claims` over sensible defaults. */
export async function demoJwt(
  claims: JWTPayload,
  options: { key?: JWK; alg?: string } = {},
): Promise<string> {
  const key = options.key ?? DEMO_ISSUER_KEY;
  const alg = options.alg ?? 'ES256';
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: DEMO_ISSUER,
    sub: '1001',
    aud: TOKEN_ENDPOINT,
    iat: now,
    exp: now + 120,
    ...claims,
  })
    .setProtectedHeader({ alg, kid: key.kid })
    .sign(await importJWK(key, alg));
}

/** An unsigned (`alg: none`) JWT (RFC 7519 §6). */
export function unsignedJwt(claims: JWTPayload): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'none' })}.${encode(claims)}.`;
}
