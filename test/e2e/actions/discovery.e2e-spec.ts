import { startFakeAuthlete, type FakeAuthlete, type FakeReply } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { type ExpectedResponse, JSON_TYPE, expectResponse } from './action-case';

const METADATA = {
  issuer: 'http://localhost:8080',
  token_endpoint: 'http://localhost:8080/api/token',
  jwks_uri: 'http://localhost:8080/api/jwks',
};
const JWKS = { keys: [{ kty: 'EC', crv: 'P-256', kid: 'k1', x: 'eA', y: 'eQ' }] };
const PUBLIC = 'public, max-age=60';

interface DocumentCase {
  readonly title: string;
  readonly path: string;
  readonly api: 'service/configuration' | 'service/jwks/get';
  readonly reply: FakeReply;
  readonly expected: ExpectedResponse;
}

const document = (body: string): ExpectedResponse => ({
  status: 200,
  contentType: JSON_TYPE,
  location: null,
  wwwAuthenticate: null,
  dpopNonce: null,
  attestationChallenge: null,
  body,
  cacheControl: PUBLIC,
  pragma: null,
});

const serverError: ExpectedResponse = {
  ...document('{"error":"server_error"}'),
  status: 500,
  cacheControl: 'no-store',
  pragma: 'no-cache',
};

/**
 * Discovery (OIDC Discovery §4, RFC 8414 §3) and JWKS (RFC 7517 §5): raw documents, not envelopes,
 * so they sit outside the action maps (authlete-api.md §8.6, §8.7). Each row boots its own app,
 * because the documents are cached.
 */
const CASES: readonly DocumentCase[] = [
  {
    title: 'openid-configuration → 200 JSON, public max-age',
    path: '/.well-known/openid-configuration',
    api: 'service/configuration',
    reply: { body: METADATA },
    expected: document(JSON.stringify(METADATA)),
  },
  {
    title: 'oauth-authorization-server → 200 JSON, public max-age',
    path: '/.well-known/oauth-authorization-server',
    api: 'service/configuration',
    reply: { body: METADATA },
    expected: document(JSON.stringify(METADATA)),
  },
  {
    title: 'configuration failure (Authlete 500) → 500 server_error, no-store',
    path: '/.well-known/openid-configuration',
    api: 'service/configuration',
    reply: { status: 500, body: { resultCode: 'A001101', resultMessage: '[A001101] error' } },
    expected: serverError,
  },
  {
    title: 'jwks → 200 JWK Set',
    path: '/api/jwks',
    api: 'service/jwks/get',
    reply: { body: JWKS },
    expected: document(JSON.stringify(JWKS)),
  },
  {
    title: 'jwks 204 (service has no keys) → 200 empty JWK Set',
    path: '/api/jwks',
    api: 'service/jwks/get',
    reply: { status: 204 },
    expected: document('{"keys":[]}'),
  },
  {
    title: 'jwks 302 (external jwks_uri) → 302 with the same Location, no-store',
    path: '/api/jwks',
    api: 'service/jwks/get',
    reply: { status: 302, headers: { location: 'https://keys.example.com/jwks.json' } },
    expected: {
      ...document(''),
      status: 302,
      contentType: null,
      location: 'https://keys.example.com/jwks.json',
      cacheControl: 'no-store',
      pragma: null,
    },
  },
];

describe.each(['V3', 'V2'] as const)(
  'discovery and JWKS against a fake Authlete (%s)',
  (version) => {
    let fake: FakeAuthlete;
    beforeAll(async () => {
      fake = await startFakeAuthlete();
    });
    afterAll(async () => {
      await fake?.close();
    });

    it.each(CASES.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
      fake.reset();
      fake.on(row.api, row.reply);
      const app: TestApp = await startTestApp({
        ...fakeAuthleteEnv(fake.url, version),
        AUTHLETE_RETRY_MAX_ATTEMPTS: '1',
      });
      try {
        const res = await fetch(`${app.url}${row.path}`, { redirect: 'manual' });
        await expectResponse(res, row.expected);
        const call = fake.callsTo(row.api)[0]!;
        expect(call.method).toBe('GET');
        expect(call.path).toBe(version === 'V3' ? `/api/715948317/${row.api}` : `/api/${row.api}`);
        if (row.api === 'service/jwks/get') {
          expect(call.query).toEqual({ includePrivateKeys: 'false' });
        }
      } finally {
        await app.close();
      }
    });

    it('caches the document briefly: a second request does not reach Authlete', async () => {
      fake.reset();
      fake.on('service/configuration', { body: METADATA });
      const app = await startTestApp(fakeAuthleteEnv(fake.url, version));
      try {
        expect((await fetch(`${app.url}/.well-known/openid-configuration`)).status).toBe(200);
        fake.on('service/configuration', { status: 500, body: {} });
        const again = await fetch(`${app.url}/.well-known/openid-configuration`);
        expect(again.status).toBe(200);
        expect(await again.json()).toEqual(METADATA);
        expect(fake.callsTo('service/configuration')).toHaveLength(1);
      } finally {
        await app.close();
      }
    });
  },
);
