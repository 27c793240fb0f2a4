import { useFakeAuthleteApp } from '../../support/test-app';

const FORM = 'application/x-www-form-urlencoded';
const b64 = (value: string | Buffer): string => Buffer.from(value).toString('base64');

interface Hostile {
  readonly title: string;
  readonly method?: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
  readonly status: number;
  readonly error: string;
  readonly wwwAuthenticate?: string;
}

const basicAtToken = (title: string, header: string): Hostile => ({
  title: `token: malformed Basic (${title})`,
  path: '/api/token',
  headers: { 'content-type': FORM, authorization: header },
  body: 'grant_type=client_credentials',
  status: 401,
  error: 'invalid_client',
  wwwAuthenticate: 'Basic realm="token"',
});

const form = (path: string, body: string | Buffer, title: string, status = 400): Hostile => ({
  title,
  path,
  headers: { 'content-type': FORM },
  body,
  status,
  error: 'invalid_request',
});

const userinfoError = (title: string, init: Partial<Hostile>): Hostile => ({
  title: `userinfo: ${title}`,
  method: 'GET',
  path: '/api/userinfo',
  headers: {},
  status: 400,
  error: 'invalid_request',
  ...init,
});

/** Hostile or malformed requests: each is a 4xx OAuth error and never reaches Authlete. */
const CASES: readonly Hostile[] = [
  basicAtToken('no colon', `Basic ${b64('demo-web')}`),
  basicAtToken('bad base64', 'Basic ***'),
  basicAtToken('bad percent-encoding', `Basic ${b64('demo%zzweb:secret')}`),
  basicAtToken('empty client id', `Basic ${b64(':secret')}`),
  basicAtToken('no credentials', 'Basic'),
  basicAtToken('two tokens', `Basic ${b64('a:b')} ${b64('c:d')}`),
  basicAtToken('not UTF-8', `Basic ${b64(Buffer.from([0x61, 0x3a, 0xc3, 0x28]))}`),
  ...['application/json', 'text/plain', 'multipart/form-data; boundary=x'].map((type): Hostile => ({
    title: `token: Content-Type ${type}`,
    path: '/api/token',
    headers: { 'content-type': type },
    body: type === 'application/json' ? '{"grant_type":"client_credentials"}' : 'grant_type=x',
    status: 400,
    error: 'invalid_request',
  })),
  {
    title: 'token: no Content-Type and no body',
    path: '/api/token',
    headers: {},
    status: 400,
    error: 'invalid_request',
  },
  {
    title: 'token: malformed JSON',
    path: '/api/token',
    headers: { 'content-type': 'application/json' },
    body: '{"grant_type":',
    status: 400,
    error: 'invalid_request',
  },
  form(
    '/api/token',
    `grant_type=client_credentials&pad=${'x'.repeat(1024 * 1024)}`,
    'token: 1 MB body',
    413,
  ),
  form('/api/token', 'grant_type=%ZZ', 'token: bad percent-encoding'),
  form('/api/token', 'grant_type=client_credentials&x=%E0%A4', 'token: truncated UTF-8 escape'),
  form('/api/token', Buffer.from([0x67, 0x3d, 0xff, 0xfe, 0xfd]), 'token: raw non-UTF-8 bytes'),
  form('/api/revocation', 'token=%', 'revocation: bad percent-encoding'),
  form('/api/par', Buffer.from([0x72, 0x3d, 0x80]), 'par: raw non-UTF-8 bytes'),
  userinfoError('token in the header and the body', {
    method: 'POST',
    headers: { authorization: 'Bearer a', 'content-type': FORM },
    body: 'access_token=b',
    wwwAuthenticate:
      'Bearer error="invalid_request",error_description="The access token was sent by more than one method"',
  }),
  userinfoError('duplicated access_token', {
    method: 'POST',
    headers: { 'content-type': FORM },
    body: 'access_token=a&access_token=b',
    wwwAuthenticate:
      'Bearer error="invalid_request",error_description="The parameter access_token is duplicated"',
  }),
  userinfoError('token in the query string (RFC 6750 §2.3 not supported)', {
    path: '/api/userinfo?access_token=a',
    wwwAuthenticate:
      'Bearer error="invalid_request",error_description="Access tokens are not accepted in the query string"',
  }),
  userinfoError('no token at all (RFC 6750 §3.1: bare challenge)', {
    status: 401,
    error: 'invalid_token',
    wwwAuthenticate: 'Bearer realm="userinfo"',
  }),
  userinfoError('non-UTF-8 form body', {
    method: 'POST',
    headers: { 'content-type': FORM },
    body: Buffer.from([0x61, 0x3d, 0xff]),
  }),
  {
    title: 'introspection: a JSON body',
    path: '/api/introspection',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${b64('demo-rs:demo-rs-secret')}`,
    },
    body: '{"token":"x"}',
    status: 400,
    error: 'invalid_request',
  },
];

describe('hostile input gets a 4xx OAuth error, never a 500', () => {
  const suite = useFakeAuthleteApp();
  beforeEach(() => {
    suite.fake.reset();
    for (const api of ['auth/token', 'auth/revocation', 'pushed_auth_req', 'auth/userinfo']) {
      suite.fake.on(api, { body: { action: 'OK', responseContent: '{}' } });
    }
  });

  it.each(CASES.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
    const res = await fetch(`${suite.app.url}${row.path}`, {
      method: row.method ?? 'POST',
      headers: row.headers,
      body: row.body,
    });
    expect(res.status).toBe(row.status);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('www-authenticate')).toBe(row.wwwAuthenticate ?? null);
    expect(((await res.json()) as { error: string }).error).toBe(row.error);
    expect(suite.fake.calls).toEqual([]);
  });

  it('accepts the form media type with a charset parameter and in any case', async () => {
    for (const type of [`${FORM}; charset=UTF-8`, FORM.toUpperCase()]) {
      const res = await fetch(`${suite.app.url}/api/token`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: 'grant_type=client_credentials',
      });
      expect(res.status).toBe(200);
    }
    expect(suite.fake.callsTo('auth/token')).toHaveLength(2);
  });

  it('forwards duplicated token parameters raw and lets Authlete decide', async () => {
    const error = '{"error":"invalid_request","error_description":"duplicated grant_type"}';
    suite.fake.on('auth/token', { body: { action: 'BAD_REQUEST', responseContent: error } });
    const raw = 'grant_type=client_credentials&grant_type=password';
    const res = await fetch(`${suite.app.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: raw,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(error);
    expect(suite.fake.callsTo('auth/token')[0]!.body).toMatchObject({ parameters: raw });
  });

  it('is still healthy after all of the above', async () => {
    const res = await fetch(`${suite.app.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': FORM },
      body: 'grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
  });
});
