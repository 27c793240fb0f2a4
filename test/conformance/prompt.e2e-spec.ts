import { authorize, Browser, codeFlow, connect, type Op, prepare } from './support/op';
import { useTarget, variants } from './support/variants';

/**
 * prompt and login: oidcc-basic-certification-test-plan modules oidcc-prompt-none-not-logged-in,
 * oidcc-prompt-none-logged-in, oidcc-prompt-login, oidcc-id-token-hint, oidcc-login-hint,
 * oidcc-ui-locales, oidcc-display-page, oidcc-display-popup (OIDC Core §3.1.2.1).
 * oidcc-max-age-1 lives in timing.e2e-spec.ts (it needs the one allowed wait).
 */
describe.each(variants())('oidcc-basic: prompt and login ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  function fresh(): Browser {
    return new Browser(target().issuer);
  }

  function request(extra: Record<string, string>) {
    const rp = target().confidential;
    return prepare(rp.clientId, rp.redirectUri, extra);
  }

  it('[oidcc-prompt-none-not-logged-in] prompt=none without a session redirects with login_required and state (OIDC Core §3.1.2.6)', async () => {
    const prepared = await request({ prompt: 'none' });
    const outcome = await authorize(op, prepared.params, { browser: fresh(), user: undefined });
    if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
    expect(['login_required', 'interaction_required']).toContain(outcome.params.get('error'));
    expect(outcome.params.get('state')).toBe(prepared.state);
    expect(outcome.params.get('iss')).toBe(target().issuer);
    expect(outcome.pages).toHaveLength(0);
  });

  it('[oidcc-prompt-none-logged-in] prompt=none with a session returns a code without any page; sub and auth_time unchanged', async () => {
    const browser = fresh();
    const first = await codeFlow(op, { browser });
    const second = await codeFlow(op, { browser, extra: { prompt: 'none' } });
    expect(second.outcome.pages).toHaveLength(0);
    expect(second.idToken.sub).toBe(first.idToken.sub);
    if (first.idToken.auth_time !== undefined) {
      expect(second.idToken.auth_time).toBe(first.idToken.auth_time);
    }
  });

  it('[oidcc-prompt-login] prompt=login shows the login page again although a session exists; auth_time not earlier', async () => {
    const browser = fresh();
    const first = await codeFlow(op, { browser });
    const second = await codeFlow(op, { browser, extra: { prompt: 'login' } });
    expect(second.outcome.pages.map((page) => page.kind)).toContain('login');
    expect(second.idToken.sub).toBe(first.idToken.sub);
    if (first.idToken.auth_time !== undefined) {
      expect(second.idToken.auth_time!).toBeGreaterThanOrEqual(first.idToken.auth_time);
    }
  });

  it('[oidcc-prompt-login] prompt=login without credentials stops at the login page (no silent re-use of the session)', async () => {
    const browser = fresh();
    await codeFlow(op, { browser });
    const prepared = await request({ prompt: 'login' });
    const outcome = await authorize(op, prepared.params, { browser, user: undefined });
    expect(outcome.kind).toBe('login-required');
  });

  it('[oidcc-id-token-hint] prompt=none with id_token_hint of the current user succeeds silently with the same sub', async () => {
    const browser = fresh();
    const first = await codeFlow(op, { browser });
    const second = await codeFlow(op, {
      browser,
      extra: { prompt: 'none', id_token_hint: first.tokens.id_token! },
    });
    expect(second.outcome.pages).toHaveLength(0);
    expect(second.idToken.sub).toBe(first.idToken.sub);
  });

  it('[oidcc-id-token-hint] prompt=none with id_token_hint but no session answers login_required (OIDC Core §3.1.2.6)', async () => {
    const first = await codeFlow(op, { browser: fresh() });
    const prepared = await request({ prompt: 'none', id_token_hint: first.tokens.id_token! });
    const outcome = await authorize(op, prepared.params, { browser: fresh(), user: undefined });
    if (outcome.kind !== 'redirect') throw new Error(`expected a redirect, got ${outcome.kind}`);
    expect(['login_required', 'interaction_required']).toContain(outcome.params.get('error'));
  });

  it('[oidcc-login-hint] login_hint shows a fresh login page (prefilled with the hinted user) and completes', async () => {
    const browser = fresh();
    const username = target().user.username;
    const result = await codeFlow(op, { browser, extra: { login_hint: username } });
    const login = result.outcome.pages.find((page) => page.kind === 'login');
    expect(login).toBeDefined();
    const field = login!.forms
      .flatMap((form) => form.controls)
      .find((control) => control.name === 'username');
    expect(field?.value).toBe(username);
  });

  it('[oidcc-login-hint] an unknown login_hint (buffy@<host>) does not cause an error', async () => {
    const hint = `buffy@${new URL(target().issuer).hostname}`;
    const result = await codeFlow(op, { browser: fresh(), extra: { login_hint: hint } });
    expect(result.tokens.access_token).toEqual(expect.any(String));
  });

  it('[oidcc-ui-locales] ui_locales=ja renders the login page in Japanese (html lang) and completes', async () => {
    const result = await codeFlow(op, { browser: fresh(), extra: { ui_locales: 'ja' } });
    const login = result.outcome.pages.find((page) => page.kind === 'login')!;
    if (variant.local) expect(login.lang).toBe('ja');
    expect(result.tokens.access_token).toEqual(expect.any(String));
  });

  it('[oidcc-ui-locales] an unsupported ui_locales (se) does not cause an error', async () => {
    const result = await codeFlow(op, { browser: fresh(), extra: { ui_locales: 'se' } });
    expect(result.outcome.pages.map((page) => page.kind)).toContain('login');
  });

  it('[oidcc-display-page] display=page shows the normal login page and completes', async () => {
    const result = await codeFlow(op, { browser: fresh(), extra: { display: 'page' } });
    expect(result.outcome.pages.map((page) => page.kind)).toContain('login');
  });

  it('[oidcc-display-popup] display=popup shows a login page and completes', async () => {
    const result = await codeFlow(op, { browser: fresh(), extra: { display: 'popup' } });
    expect(result.outcome.pages.map((page) => page.kind)).toContain('login');
  });

  it('[oidcc-server] the login and consent pages are not cacheable and cannot be framed', async () => {
    const prepared = await request({});
    const url = new URL(op.as.authorization_endpoint!);
    url.search = new URLSearchParams(prepared.params).toString();
    const response = await fetch(url, { redirect: 'manual' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const csp = response.headers.get('content-security-policy') ?? '';
    const xfo = response.headers.get('x-frame-options') ?? '';
    expect(csp.includes("frame-ancestors 'none'") || /deny/i.test(xfo)).toBe(true);
  });
});
