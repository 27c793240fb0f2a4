import { GRANT_MANAGEMENT_ACTIONS } from '../../../src/endpoints/grant-management/grant-management.actions';
import { REGISTRATION_ACTIONS } from '../../../src/endpoints/registration/registration.actions';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { type ActionCase, apisCalled, expectResponse, runCase } from '../actions/action-case';
import { GM_API_ACTIONS, GRANT_MANAGEMENT_CASES } from './grant-management.cases';
import {
  REGISTRATION_API_ACTIONS,
  REGISTRATION_CASES,
  REGISTRATION_SENT,
} from './registration.cases';

interface Table {
  readonly endpoint: string;
  readonly map: object;
  readonly cases: readonly ActionCase[];
  readonly apis: Readonly<Record<string, object>>;
  readonly sent: Readonly<Record<string, object>>;
}

const TABLES: readonly Table[] = [
  {
    endpoint: '/api/register (RFC 7591/7592)',
    map: REGISTRATION_ACTIONS,
    cases: REGISTRATION_CASES,
    apis: {
      'client/registration': REGISTRATION_API_ACTIONS,
      'client/registration/get': REGISTRATION_API_ACTIONS,
      'client/registration/update': REGISTRATION_API_ACTIONS,
      'client/registration/delete': REGISTRATION_API_ACTIONS,
    },
    sent: REGISTRATION_SENT,
  },
  {
    endpoint: '/api/gm/{grant_id} (FAPI Grant Management)',
    map: GRANT_MANAGEMENT_ACTIONS,
    cases: GRANT_MANAGEMENT_CASES,
    apis: { gm: GM_API_ACTIONS },
    sent: {},
  },
];

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

describe('lifecycle action tables are complete', () => {
  it.each(TABLES.map((table) => [table.endpoint, table] as const))(
    '%s: every map entry and every API action has a row',
    (_endpoint, table) => {
      expect(sorted(table.cases.map((row) => row.covers))).toEqual(sorted(Object.keys(table.map)));
      const answered = table.cases.flatMap((row) =>
        Object.values(row.replies).map((reply) => (reply as { action: string }).action),
      );
      const possible = Object.values(table.apis).flatMap((actions) => Object.keys(actions));
      expect(sorted(answered)).toEqual(sorted(possible));
    },
  );
});

describe.each(['V3', 'V2'] as const)(
  'lifecycle action → HTTP against a fake Authlete (%s)',
  (version) => {
    let fake: FakeAuthlete;
    let app: TestApp;
    beforeAll(async () => {
      fake = await startFakeAuthlete();
      app = await startTestApp({
        ...fakeAuthleteEnv(fake.url, version),
        THROTTLE_REGISTER_LIMIT_PER_IP: '1000',
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
          for (const call of fake.calls) {
            const api = apisCalled(fake)[fake.calls.indexOf(call)]!;
            expect(call.method).toBe('POST');
            const gmAction = row.request.method === 'GET' ? 'QUERY' : 'REVOKE';
            const gm = { gmAction, grantId: 'grant-1', accessToken: 'at-1' };
            expect(call.body).toEqual(table.sent[api] ?? gm);
          }
        });

        it('an unknown action is a logged 500 server_error', async () => {
          const row = table.cases[0]!;
          const api = Object.keys(row.replies)[0]!;
          const res = await runCase(fake, app.url, {
            ...row,
            replies: { [api]: { action: 'SURPRISE' } },
          });
          expect(res.status).toBe(500);
          expect(((await res.json()) as { error: string }).error).toBe('server_error');
        });
      },
    );
  },
);
