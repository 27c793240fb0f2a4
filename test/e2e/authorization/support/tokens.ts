import { DEMO_WEB } from './flow';

/** Decodes a JWT payload without verifying it (the conformance suites verify signatures). */
export function jwtPayload(token: unknown): Record<string, unknown> {
  const payload = String(token).split('.')[1] ?? '';
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Exchanges a code at the token endpoint (RFC 6749 §4.1.3) with client_secret_basic; `headers`
 * adds request headers (e.g. an RFC 9449 `DPoP` proof).
 */
export async function exchangeCode(
  baseUrl: string,
  code: string,
  client: { clientId: string; secret: string; redirectUri: string } = DEMO_WEB,
  headers: Record<string, string> = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: {
      ...headers,
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: client.redirectUri,
    }).toString(),
  });
  if (response.status !== 200) {
    throw new Error(`token endpoint: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as Record<string, unknown>;
}

/** Calls the userinfo endpoint with a bearer token. */
export async function userinfo(
  baseUrl: string,
  accessToken: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${baseUrl}/api/userinfo`, {
    headers: { authorization: `Bearer ${String(accessToken)}` },
  });
  if (response.status !== 200) throw new Error(`userinfo: ${response.status}`);
  return (await response.json()) as Record<string, unknown>;
}
