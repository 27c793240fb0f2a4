import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { postForm } from './ops-helpers';

const FORM_POST_PAGE =
  '<html><body onload="document.forms[0].submit()"><form method="post" action="https://rp.example/cb"></form></body></html>';

describe('security headers and body size limits', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    fake.answer('auth/authorization', { action: 'FORM', responseContent: FORM_POST_PAGE });
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      ISSUER: 'https://as.example',
      BODY_LIMIT_BYTES: '2048',
      THROTTLE_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it.each(['/.well-known/openid-configuration', '/health/live', '/nope'])(
    '%s carries nosniff, no-referrer, DENY framing and HSTS (https issuer)',
    async (path) => {
      const res = await fetch(`${app.url}${path}`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
    },
  );

  it('an HTML page from Authlete (form_post) gets a CSP that forbids framing but lets it auto-submit', async () => {
    const res = await fetch(
      `${app.url}/api/authorization?response_type=code&client_id=c&response_mode=form_post`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('script-src');
    expect(await res.text()).toBe(FORM_POST_PAGE);
  });

  it('a body over BODY_LIMIT_BYTES is refused with 413 before reaching Authlete', async () => {
    const calls = fake.callsTo('auth/token').length;
    const res = await postForm(`${app.url}/api/token`, `grant_type=x&pad=${'a'.repeat(4096)}`);
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: 'invalid_request' });
    expect(fake.callsTo('auth/token').length).toBe(calls);
  });
});

describe('HSTS is not sent for an http issuer', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ISSUER: 'http://localhost:8080', THROTTLE_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('omits Strict-Transport-Security', async () => {
    const res = await fetch(`${app.url}/health/live`);
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
