import { Logger } from '@nestjs/common';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { submitConsent, submitLogin } from '../authorization/support/flow';
import { appRoutes } from './support/app-routes';
import { DECOUPLED_ROUTES } from './support/decoupled-routes';
import type { Reach } from './support/reach';

/** An action no Authlete version so far has defined: what a newer Authlete might answer. */
const FUTURE = 'ACTION_FROM_THE_FUTURE';
const future = { body: { action: FUTURE, resultCode: 'A999001', responseContent: '{"x":1}' } };

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const INTERACTION = {
  body: {
    action: 'INTERACTION',
    ticket: 'ticket-1',
    client: { clientId: 1234, clientIdAlias: 'demo', clientName: 'Demo' },
    scopes: [{ name: 'read' }],
  },
};

/** A credential request with a Bearer token (OID4VCI 1.0 §8.2). */
const postCredential = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer at' },
    body: JSON.stringify({ credential_configuration_id: 'badge', transaction_id: 'tx-1' }),
  });

/** Replies that take a credential request past parsing, introspection and the metadata. */
const CREDENTIAL_PARSED = (parseApi: string): Record<string, object> => ({
  [parseApi]: {
    body: { action: 'OK', info: { identifier: 'req-1', credentialConfigurationId: 'badge' } },
  },
  'auth/introspection': { body: { action: 'OK', subject: '1001' } },
  'vci/metadata': {
    body: {
      action: 'OK',
      responseContent: JSON.stringify({
        credential_configurations_supported: {
          badge: { credential_metadata: { claims: [{ path: ['name'] }] } },
        },
      }),
    },
  },
});

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { ...FORM, ...headers }, body });

/**
 * Every route of the app: the Authlete answers it acts on, or why it has none. A route added
 * without a row here fails the completeness test below.
 */
const ROUTES: Readonly<Record<string, readonly Reach[] | string>> = {
  'GET /api/authorization': [
    {
      title: '/auth/authorization',
      replies: { 'auth/authorization': future },
      send: (url) => fetch(`${url}/api/authorization?client_id=x`),
    },
    {
      title: '/auth/authorization/fail after NO_INTERACTION without a login session',
      replies: {
        'auth/authorization': { body: { ...INTERACTION.body, action: 'NO_INTERACTION' } },
        'auth/authorization/fail': future,
      },
      send: (url) => fetch(`${url}/api/authorization?client_id=x&prompt=none`),
    },
  ],
  'POST /api/authorization': [
    {
      title: '/auth/authorization',
      replies: { 'auth/authorization': future },
      send: (url) => post(`${url}/api/authorization`, 'client_id=x'),
    },
  ],
  'POST /api/authorization/decision': [
    {
      title: '/auth/authorization/issue after login and consent',
      replies: { 'auth/authorization': INTERACTION, 'auth/authorization/issue': future },
      send: async (url) => {
        const browser = new Browser(url);
        const login = await (await browser.get('/api/authorization?client_id=x')).text();
        const consent = await submitLogin(browser, login, 'alice', 'alice-password');
        return submitConsent(browser, await consent.text(), 'approve');
      },
    },
  ],
  'POST /api/token': [
    {
      title: '/auth/token',
      replies: { 'auth/token': future },
      send: (url) =>
        post(`${url}/api/token`, 'grant_type=client_credentials', {
          authorization: basic('demo-web', 'demo-web-secret'),
        }),
    },
    {
      title: '/auth/token/issue after PASSWORD',
      replies: {
        'auth/token': {
          body: { action: 'PASSWORD', ticket: 't', username: 'alice', password: 'alice-password' },
        },
        'auth/token/issue': future,
      },
      send: (url) =>
        post(`${url}/api/token`, 'grant_type=password&username=alice&password=alice-password', {
          authorization: basic('demo-legacy', 'demo-legacy-secret'),
        }),
    },
  ],
  'POST /api/introspection': [
    {
      title: '/auth/introspection/standard',
      replies: { 'auth/introspection/standard': future },
      send: (url) =>
        post(`${url}/api/introspection`, 'token=t', {
          authorization: basic('demo-rs', 'demo-rs-secret'),
        }),
    },
  ],
  'POST /api/revocation': [
    {
      title: '/auth/revocation',
      replies: { 'auth/revocation': future },
      send: (url) =>
        post(`${url}/api/revocation`, 'token=t', {
          authorization: basic('demo-web', 'demo-web-secret'),
        }),
    },
  ],
  'GET /api/userinfo': [
    {
      title: '/auth/userinfo',
      replies: { 'auth/userinfo': future },
      send: (url) => fetch(`${url}/api/userinfo`, { headers: { authorization: 'Bearer at' } }),
    },
    {
      title: '/auth/userinfo/issue',
      replies: {
        'auth/userinfo': { body: { action: 'OK', subject: 'alice', claims: [] } },
        'auth/userinfo/issue': future,
      },
      send: (url) => fetch(`${url}/api/userinfo`, { headers: { authorization: 'Bearer at' } }),
    },
  ],
  'POST /api/userinfo': [
    {
      title: '/auth/userinfo',
      replies: { 'auth/userinfo': future },
      send: (url) => post(`${url}/api/userinfo`, 'access_token=at'),
    },
  ],
  'POST /api/par': [
    {
      title: '/pushed_auth_req',
      replies: { pushed_auth_req: future },
      send: (url) =>
        post(`${url}/api/par`, 'response_type=code&client_id=demo-web', {
          authorization: basic('demo-web', 'demo-web-secret'),
        }),
    },
  ],
  'POST /api/register': [
    {
      title: '/client/registration',
      replies: { 'client/registration': future },
      send: (url) =>
        fetch(`${url}/api/register`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ redirect_uris: ['https://rp.example/cb'] }),
        }),
    },
  ],
  'GET /api/register/:clientId': [
    {
      title: '/client/registration/get',
      replies: { 'client/registration/get': future },
      send: (url) => fetch(`${url}/api/register/123`, { headers: { authorization: 'Bearer rat' } }),
    },
  ],
  'PUT /api/register/:clientId': [
    {
      title: '/client/registration/update',
      replies: { 'client/registration/update': future },
      send: (url) =>
        fetch(`${url}/api/register/123`, {
          method: 'PUT',
          headers: { authorization: 'Bearer rat', 'content-type': 'application/json' },
          body: JSON.stringify({ client_id: '123', redirect_uris: ['https://rp.example/cb'] }),
        }),
    },
  ],
  'DELETE /api/register/:clientId': [
    {
      title: '/client/registration/delete',
      replies: { 'client/registration/delete': future },
      send: (url) =>
        fetch(`${url}/api/register/123`, {
          method: 'DELETE',
          headers: { authorization: 'Bearer rat' },
        }),
    },
  ],
  'GET /api/gm/:grantId': [
    {
      title: '/gm QUERY',
      replies: { gm: future },
      send: (url) => fetch(`${url}/api/gm/grant-1`, { headers: { authorization: 'Bearer at' } }),
    },
  ],
  'DELETE /api/gm/:grantId': [
    {
      title: '/gm REVOKE',
      replies: { gm: future },
      send: (url) =>
        fetch(`${url}/api/gm/grant-1`, {
          method: 'DELETE',
          headers: { authorization: 'Bearer at' },
        }),
    },
  ],
  'GET /.well-known/openid-credential-issuer': [
    {
      title: '/vci/metadata',
      replies: { 'vci/metadata': future },
      send: (url) => fetch(`${url}/.well-known/openid-credential-issuer`),
    },
  ],
  'GET /.well-known/jwt-vc-issuer': [
    {
      title: '/vci/jwtissuer',
      replies: { 'vci/jwtissuer': future },
      send: (url) => fetch(`${url}/.well-known/jwt-vc-issuer`),
    },
  ],
  'GET /api/vci/jwks': [
    {
      title: '/vci/jwks',
      replies: { 'vci/jwks': future },
      send: (url) => fetch(`${url}/api/vci/jwks`),
    },
  ],
  'POST /api/vci/nonce': [
    {
      title: '/vci/nonce',
      replies: { 'vci/nonce': future },
      send: (url) => post(`${url}/api/vci/nonce`, ''),
    },
  ],
  'POST /api/vci/offers': [
    {
      title: '/vci/offer/create',
      replies: { 'vci/offer/create': future },
      send: (url) =>
        fetch(`${url}/api/vci/offers`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ credential_configuration_ids: ['badge'], subject: '1001' }),
        }),
    },
  ],
  'GET /api/vci/offer/:id': [
    {
      title: '/vci/offer/info',
      replies: { 'vci/offer/info': future },
      send: (url) => fetch(`${url}/api/vci/offer/offer-1`),
    },
  ],
  'GET /api/vci/offer/:id/page': [
    {
      title: '/vci/offer/info (page)',
      replies: { 'vci/offer/info': future },
      send: (url) => fetch(`${url}/api/vci/offer/offer-1/page`),
    },
  ],
  'POST /api/vci/credential': [
    {
      title: '/vci/single/parse',
      replies: { 'vci/single/parse': future },
      send: (url) => postCredential(`${url}/api/vci/credential`),
    },
    {
      title: '/vci/single/issue',
      replies: { ...CREDENTIAL_PARSED('vci/single/parse'), 'vci/single/issue': future },
      send: (url) => postCredential(`${url}/api/vci/credential`),
    },
  ],
  'POST /api/vci/deferred_credential': [
    {
      title: '/vci/deferred/parse',
      replies: { 'vci/deferred/parse': future },
      send: (url) => postCredential(`${url}/api/vci/deferred_credential`),
    },
    {
      title: '/vci/deferred/issue',
      replies: { ...CREDENTIAL_PARSED('vci/deferred/parse'), 'vci/deferred/issue': future },
      send: (url) => postCredential(`${url}/api/vci/deferred_credential`),
    },
  ],
  ...DECOUPLED_ROUTES,
  'GET /.well-known/openid-configuration': 'a document, shape-checked (discovery-shape test)',
  'GET /.well-known/oauth-authorization-server': 'a document, shape-checked (discovery-shape test)',
  'GET /api/jwks': 'a document, shape-checked (discovery-shape test)',
  'GET /api/authorization/decision': 'no Authlete call (shows a stored page or the stored result)',
  'GET /api/logout': 'no Authlete call',
  'POST /api/logout': 'no Authlete call',
  'GET /assets/oauth.css': 'no Authlete call',
  'GET /assets/logos/:name': 'no Authlete call',
  'GET /health/live': 'no Authlete call',
  'GET /health/ready': 'no action (readiness reads /service/configuration)',
  'GET /metrics': 'no Authlete call',
};

const CASES = Object.entries(ROUTES).flatMap(([route, reaches]) =>
  typeof reaches === 'string' ? [] : reaches.map((reach) => [route, reach.title, reach] as const),
);

describe('an unknown Authlete action is a logged 500 with no-store on every route', () => {
  let fake: FakeAuthlete;
  let app: TestApp;
  let errors: jest.SpyInstance;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url), THROTTLE_ENABLED: 'false' });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errors.mockRestore());

  it('the table names every route the app serves', () => {
    const missing = appRoutes(app.app).filter((route) => !(route in ROUTES));
    expect(missing).toEqual([]);
  });

  it.each(CASES)('%s (%s)', async (_route, _title, reach) => {
    for (const [api, reply] of Object.entries(reach.replies)) fake.on(api, reply);
    const res = await reach.send(app.url);
    expect(res.status).toBe(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(await res.json()).toMatchObject({ error: 'server_error' });
    const logged = errors.mock.calls.map((args) => JSON.stringify(args)).join('\n');
    expect(logged).toContain(FUTURE);
  });
});
