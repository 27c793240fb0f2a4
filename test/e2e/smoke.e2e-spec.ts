import { useFakeAuthleteApp } from '../support/test-app';

describe('smoke: token endpoint against a fake Authlete', () => {
  const suite = useFakeAuthleteApp();

  it('passes the raw body and answers OK as 200 JSON with no-store', async () => {
    suite.fake.on('auth/token', {
      body: { action: 'OK', responseContent: '{"access_token":"x"}' },
    });
    const res = await fetch(`${suite.app.url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('a%3Ab:c%2Bd').toString('base64')}`,
      },
      body: 'grant_type=client_credentials&scope=a+b%20c',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('{"access_token":"x"}');
    const call = suite.fake.callsTo('auth/token')[0]!;
    expect(call.path).toBe('/api/715948317/auth/token');
    expect(call.body).toMatchObject({
      parameters: 'grant_type=client_credentials&scope=a+b%20c',
      clientId: 'a:b',
      clientSecret: 'c+d',
    });
  });

  it('answers 404 in OAuth JSON', async () => {
    const res = await fetch(`${suite.app.url}/nope`);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', error_description: 'No such endpoint' });
  });

  it('answers a 1 MB body with 413 OAuth JSON', async () => {
    const res = await fetch(`${suite.app.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a='.padEnd(1024 * 1024, 'x'),
    });
    expect(res.status).toBe(413);
    expect((await res.json()) as object).toMatchObject({ error: 'invalid_request' });
  });

  it('answers a JSON body at the token endpoint with 400 invalid_request', async () => {
    const res = await fetch(`${suite.app.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"grant_type":"x"}',
    });
    expect(res.status).toBe(400);
    expect((await res.json()) as object).toMatchObject({ error: 'invalid_request' });
  });

  it('answers bad percent-encoding with 400', async () => {
    const res = await fetch(`${suite.app.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=%ZZ',
    });
    expect(res.status).toBe(400);
  });
});
