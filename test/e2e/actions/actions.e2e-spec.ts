import { BACKCHANNEL_AUTHENTICATION_ACTIONS } from '../../../src/endpoints/ciba/backchannel-authentication.actions';
import { DEVICE_AUTHORIZATION_ACTIONS } from '../../../src/endpoints/device/device-authorization.actions';
import { INTROSPECTION_ACTIONS } from '../../../src/endpoints/introspection/introspection.actions';
import { PAR_ACTIONS } from '../../../src/endpoints/par/par.actions';
import { REVOCATION_ACTIONS } from '../../../src/endpoints/revocation/revocation.actions';
import { TOKEN_ACTIONS } from '../../../src/endpoints/token/token.actions';
import { USERINFO_ACTIONS } from '../../../src/endpoints/userinfo/userinfo.actions';
import {
  VCI_CREDENTIAL_ACTIONS,
  VCI_DEFERRED_ACTIONS,
  VCI_DOCUMENT_ACTIONS,
  VCI_OFFER_CREATE_ACTIONS,
  VCI_OFFER_INFO_ACTIONS,
} from '../../../src/endpoints/vci/vci.actions';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { type ActionCase, apisCalled, expectResponse, runCase } from './action-case';
import {
  INTROSPECTION_API_ACTIONS,
  INTROSPECTION_CASES,
  PAR_API_ACTIONS,
  PAR_CASES,
  REVOCATION_API_ACTIONS,
  REVOCATION_CASES,
  USERINFO_API_ACTIONS,
  USERINFO_CASES,
} from './resource.cases';
import {
  TOKEN_API_ACTIONS,
  TOKEN_CASES,
  TOKEN_FAIL_ACTIONS,
  TOKEN_ISSUE_ACTIONS,
} from './token.cases';
import {
  GRANT_CASES,
  ID_TOKEN_REISSUE_ACTIONS,
  NATIVE_SSO_ACTIONS,
  TOKEN_CREATE_ACTIONS,
} from './grant.cases';
import {
  VCI_CREDENTIAL_CASES,
  VCI_DEFERRED_CASES,
  VCI_DEFERRED_ISSUE_API_ACTIONS,
  VCI_DOCUMENT_API_ACTIONS,
  VCI_INTROSPECTION_ACTIONS,
  VCI_JWKS_CASES,
  VCI_JWT_ISSUER_CASES,
  VCI_METADATA_CASES,
  VCI_NONCE_CASES,
  VCI_OFFER_CREATE_API_ACTIONS,
  VCI_OFFER_CREATE_CASES,
  VCI_OFFER_INFO_API_ACTIONS,
  VCI_OFFER_INFO_CASES,
  VCI_PARSE_API_ACTIONS,
  VCI_SINGLE_ISSUE_API_ACTIONS,
} from './vci.cases';
import { DEVICE_AUTHORIZATION_API_ACTIONS, DEVICE_AUTHORIZATION_CASES } from './device.cases';
import {
  BACKCHANNEL_API_ACTIONS,
  BACKCHANNEL_CASES,
  BACKCHANNEL_FAIL_API_ACTIONS,
  BACKCHANNEL_ISSUE_API_ACTIONS,
} from './ciba.cases';

interface Table {
  readonly endpoint: string;
  readonly map: object;
  readonly cases: readonly ActionCase[];
  /** Every action each Authlete API of the endpoint can return. */
  readonly apis: Readonly<Record<string, object>>;
}

const TABLES: readonly Table[] = [
  {
    endpoint: 'POST /api/token',
    map: TOKEN_ACTIONS,
    cases: [...TOKEN_CASES, ...GRANT_CASES],
    apis: {
      'auth/token': TOKEN_API_ACTIONS,
      'auth/token/issue': TOKEN_ISSUE_ACTIONS,
      'auth/token/fail': TOKEN_FAIL_ACTIONS,
      'auth/token/create': TOKEN_CREATE_ACTIONS,
      'idtoken/reissue': ID_TOKEN_REISSUE_ACTIONS,
      nativesso: NATIVE_SSO_ACTIONS,
    },
  },
  {
    endpoint: 'POST /api/introspection',
    map: INTROSPECTION_ACTIONS,
    cases: INTROSPECTION_CASES,
    apis: { 'auth/introspection/standard': INTROSPECTION_API_ACTIONS },
  },
  {
    endpoint: 'POST /api/revocation',
    map: REVOCATION_ACTIONS,
    cases: REVOCATION_CASES,
    apis: { 'auth/revocation': REVOCATION_API_ACTIONS },
  },
  {
    endpoint: 'GET/POST /api/userinfo',
    map: USERINFO_ACTIONS,
    cases: USERINFO_CASES,
    apis: { 'auth/userinfo': USERINFO_API_ACTIONS, 'auth/userinfo/issue': USERINFO_ACTIONS },
  },
  {
    endpoint: 'POST /api/par',
    map: PAR_ACTIONS,
    cases: PAR_CASES,
    apis: { pushed_auth_req: PAR_API_ACTIONS },
  },
  {
    endpoint: 'GET /.well-known/openid-credential-issuer',
    map: VCI_DOCUMENT_ACTIONS,
    cases: VCI_METADATA_CASES,
    apis: { 'vci/metadata': VCI_DOCUMENT_API_ACTIONS },
  },
  {
    endpoint: 'GET /.well-known/jwt-vc-issuer',
    map: VCI_DOCUMENT_ACTIONS,
    cases: VCI_JWT_ISSUER_CASES,
    apis: { 'vci/jwtissuer': VCI_DOCUMENT_API_ACTIONS },
  },
  {
    endpoint: 'GET /api/vci/jwks',
    map: VCI_DOCUMENT_ACTIONS,
    cases: VCI_JWKS_CASES,
    apis: { 'vci/jwks': VCI_DOCUMENT_API_ACTIONS },
  },
  {
    endpoint: 'POST /api/vci/nonce',
    map: VCI_DOCUMENT_ACTIONS,
    cases: VCI_NONCE_CASES,
    apis: { 'vci/nonce': VCI_DOCUMENT_API_ACTIONS },
  },
  {
    endpoint: 'POST /api/vci/offers',
    map: VCI_OFFER_CREATE_ACTIONS,
    cases: VCI_OFFER_CREATE_CASES,
    apis: { 'vci/offer/create': VCI_OFFER_CREATE_API_ACTIONS },
  },
  {
    endpoint: 'GET /api/vci/offer/:id',
    map: VCI_OFFER_INFO_ACTIONS,
    cases: VCI_OFFER_INFO_CASES,
    apis: { 'vci/offer/info': VCI_OFFER_INFO_API_ACTIONS },
  },
  {
    endpoint: 'POST /api/vci/credential',
    map: VCI_CREDENTIAL_ACTIONS,
    cases: VCI_CREDENTIAL_CASES,
    apis: {
      'vci/single/parse': VCI_PARSE_API_ACTIONS,
      'auth/introspection': VCI_INTROSPECTION_ACTIONS,
      'vci/single/issue': VCI_SINGLE_ISSUE_API_ACTIONS,
    },
  },
  {
    endpoint: 'POST /api/vci/deferred_credential',
    map: VCI_DEFERRED_ACTIONS,
    cases: VCI_DEFERRED_CASES,
    apis: {
      'vci/deferred/parse': VCI_PARSE_API_ACTIONS,
      'auth/introspection': VCI_INTROSPECTION_ACTIONS,
      'vci/deferred/issue': VCI_DEFERRED_ISSUE_API_ACTIONS,
    },
  },
  {
    endpoint: 'POST /api/device/authorization',
    map: DEVICE_AUTHORIZATION_ACTIONS,
    cases: DEVICE_AUTHORIZATION_CASES,
    apis: { 'device/authorization': DEVICE_AUTHORIZATION_API_ACTIONS },
  },
  {
    endpoint: 'POST /api/backchannel/authentication',
    map: BACKCHANNEL_AUTHENTICATION_ACTIONS,
    cases: BACKCHANNEL_CASES,
    apis: {
      'backchannel/authentication': BACKCHANNEL_API_ACTIONS,
      'backchannel/authentication/issue': BACKCHANNEL_ISSUE_API_ACTIONS,
      'backchannel/authentication/fail': BACKCHANNEL_FAIL_API_ACTIONS,
    },
  },
];

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

describe('action tables are complete', () => {
  it.each(TABLES.map((table) => [table.endpoint, table] as const))(
    '%s: a row for every entry of the exported action map',
    (_endpoint, table) => {
      expect(sorted(table.cases.map((row) => row.covers))).toEqual(
        expect.arrayContaining(sorted(Object.keys(table.map))),
      );
    },
  );

  it.each(TABLES.map((table) => [table.endpoint, table] as const))(
    '%s: a row for every action each Authlete API can return',
    (_endpoint, table) => {
      for (const [api, actions] of Object.entries(table.apis)) {
        const answered = table.cases.flatMap((row) => {
          const reply = row.replies[api] as { action?: string } | undefined;
          return reply?.action === undefined ? [] : [reply.action];
        });
        expect({ api, actions: sorted(answered) }).toEqual({
          api,
          actions: sorted(Object.keys(actions)),
        });
      }
    },
  );
});

describe.each(['V3', 'V2'] as const)('action → HTTP against a fake Authlete (%s)', (version) => {
  let fake: FakeAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    // Each case answers /vci/metadata itself: the credential endpoint must not reuse an earlier one.
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url, version),
      VCI_METADATA_CACHE_SECONDS: '0',
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  describe.each(TABLES.map((table) => [table.endpoint, table] as const))(
    '%s',
    (_endpoint, table) => {
      it.each(table.cases.map((row) => [row.title, row] as const))('%s', async (_title, row) => {
        const res = await runCase(fake, app.url, row);
        await expectResponse(res, row.expected);
        expect(apisCalled(fake)).toEqual(row.calls ?? Object.keys(row.replies));
        for (const [api, members] of Object.entries(row.sent ?? {})) {
          expect({ api, body: fake.callsTo(api)[0]?.body }).toMatchObject({ api, body: members });
        }
        const prefix = version === 'V3' ? '/api/715948317/' : '/api/';
        for (const call of fake.calls) expect(call.path.startsWith(prefix)).toBe(true);
      });
    },
  );
});
