import type { Browser } from './browser';

/** HTTP Basic credentials of a CIBA client (RFC 6749 §2.3.1). */
export const basicAuth = (id: string, secret: string): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

/** The poll-mode demo CIBA client of config/engine.json. */
export const CIBA_POLL_CLIENT = basicAuth('demo-ciba', 'demo-ciba-secret');

/** What the backchannel authentication endpoint answered. */
export interface BackchannelAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/**
 * Posts a backchannel authentication request (CIBA Core §7.1) to a running app, with
 * `scope=openid profile` unless `body` overrides it.
 */
export async function backchannelAuthentication(
  baseUrl: string,
  client: string,
  body: Record<string, string>,
): Promise<BackchannelAnswer> {
  const res = await fetch(`${baseUrl}/api/backchannel/authentication`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: client },
    body: new URLSearchParams({ scope: 'openid profile', ...body }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/**
 * Asserts how a poll-mode CIBA request with this `login_hint` is answered (CIBA Core §7.1, §13):
 * 200 with an `auth_req_id`, or 400 `unknown_user_id`.
 */
export async function expectLoginHint(baseUrl: string, hint: string, status: 200 | 400) {
  const answer = await backchannelAuthentication(baseUrl, CIBA_POLL_CLIENT, { login_hint: hint });
  expect(answer.status).toBe(status);
  if (status === 200) expect(answer.body['auth_req_id']).toEqual(expect.any(String));
  else expect(answer.body['error']).toBe('unknown_user_id');
}

/** Polls the token endpoint with the CIBA grant (CIBA Core §10.1). */
export async function pollCibaToken(
  baseUrl: string,
  client: string,
  authReqId: string,
): Promise<BackchannelAnswer> {
  const res = await fetch(`${baseUrl}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: client },
    body: new URLSearchParams({
      grant_type: 'urn:openid:params:grant-type:ciba',
      auth_req_id: authReqId,
    }).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function csrfOf(html: string): string {
  const csrf = /name="csrf" value="([^"]*)"/.exec(html)?.[1];
  if (csrf === undefined) throw new Error('no csrf');
  return csrf;
}

/** Signs alice in on the demo authentication device page; returns her pending requests page. */
export async function signInOnDevice(
  browser: Browser,
  headers: Record<string, string> = {},
): Promise<string> {
  const login = await (await browser.get('/api/backchannel/device', headers)).text();
  expect(login).toContain('name="password"');
  const form = {
    csrf: csrfOf(login),
    interaction: 'ciba-device',
    username: 'alice',
    password: 'alice-password',
    decision: 'login',
  };
  const res = await browser.post('/api/backchannel/device', form, headers);
  expect(res.status).toBe(200);
  return res.text();
}

/** Approves or denies a pending request on the demo device page (CIBA Core §1 "AD"). */
export async function decideOnDevice(
  browser: Browser,
  html: string,
  authReqId: string,
  decision: 'approve' | 'deny',
  headers: Record<string, string> = {},
): Promise<{ status: number; html: string }> {
  const form = { csrf: csrfOf(html), request: authReqId, decision };
  const res = await browser.post('/api/backchannel/device', form, headers);
  return { status: res.status, html: await res.text() };
}
