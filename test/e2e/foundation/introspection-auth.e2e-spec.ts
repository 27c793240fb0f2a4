import { useFakeAuthleteApp } from '../../support/test-app';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (pair: string): string => `Basic ${Buffer.from(pair).toString('base64')}`;

describe('POST /api/introspection: resource-server authentication (RFC 7662 §2.1)', () => {
  const suite = useFakeAuthleteApp();
  beforeEach(() => {
    suite.fake.reset();
    suite.fake.on('auth/introspection/standard', {
      body: { action: 'OK', responseContent: '{"active":true}' },
    });
  });

  const introspect = (headers: Record<string, string>) =>
    fetch(`${suite.app.url}/api/introspection`, {
      method: 'POST',
      headers: { ...FORM, ...headers },
      body: 'token=at-1',
    });

  it.each([
    ['no Authorization header', {}],
    ['a wrong secret', { authorization: basic('demo-rs:wrong') }],
    ['a secret that is a prefix of the right one', { authorization: basic('demo-rs:demo-rs') }],
    ['an unknown resource server', { authorization: basic('someone:demo-rs-secret') }],
    ['a client of the token endpoint', { authorization: basic('demo-web:demo-web-secret') }],
    ['a Bearer token instead of Basic', { authorization: 'Bearer demo-rs-secret' }],
    ['malformed Basic', { authorization: 'Basic %%%' }],
  ])('rejects %s with 401 invalid_client and a Basic challenge', async (_why, headers) => {
    const res = await introspect(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="introspection"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(((await res.json()) as { error: string }).error).toBe('invalid_client');
    expect(suite.fake.calls).toEqual([]);
  });

  it('lets a registered resource server through', async () => {
    const res = await introspect({ authorization: basic('demo-rs:demo-rs-secret') });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"active":true}');
    expect(suite.fake.callsTo('auth/introspection/standard')).toHaveLength(1);
  });

  it('forwards Accept: application/token-introspection+jwt (RFC 9701 §4) only when asked', async () => {
    const rs = basic('demo-rs:demo-rs-secret');
    await introspect({ authorization: rs, accept: 'application/token-introspection+jwt' });
    await introspect({ authorization: rs, accept: 'application/json' });
    await introspect({ authorization: rs });
    const sent = suite.fake.callsTo('auth/introspection/standard').map((call) => call.body);
    expect(sent).toEqual([
      { parameters: 'token=at-1', httpAcceptHeader: 'application/token-introspection+jwt' },
      { parameters: 'token=at-1' },
      { parameters: 'token=at-1' },
    ]);
  });
});
