import type { BenchSettings } from './config';
import { flowLoad, type FlowLoadOptions } from './flows/flow-load';
import { runCodeFlow } from './flows/code-flow';
import { CookieJar } from '../test/support/cookie-jar';
import type { ChildServer } from './lib/child-server';
import { basicAuth, formHeaders, send } from './lib/http-client';
import { type Workload, requestWorkload } from './workload';

/** The servers of one run, by id. */
export interface Servers {
  fake: ChildServer;
  a: ChildServer;
  b: ChildServer;
  c: ChildServer;
  d: ChildServer;
  e: ChildServer;
}

const SERVICE_CLIENT = basicAuth('demo-service', 'demo-service-secret');
const RESOURCE_SERVER = basicAuth('demo-rs', 'demo-rs-secret');
const CLIENT_CREDENTIALS = 'grant_type=client_credentials&scope=read';

const CODE_FLOW: Omit<FlowLoadOptions, 'users' | 'keepSession'> = {
  clientId: 'demo-web',
  clientSecret: 'demo-web-secret',
  redirectUri: 'http://localhost:3000/callback',
  scope: 'openid profile email',
  username: 'alice',
  password: 'alice-password',
};

async function accessToken(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<string> {
  const answer = await send(url, 'POST', formHeaders(headers), body);
  const token = (JSON.parse(answer.body) as { access_token?: unknown }).access_token;
  if (answer.status !== 200 || typeof token !== 'string') {
    throw new Error(
      `no access token from ${url}: HTTP ${answer.status} ${answer.body.slice(0, 300)}`,
    );
  }
  return token;
}

/** A user's token on (a): password grant for alice, else one code flow (needs issue 4). */
async function userTokenOnService(baseUrl: string): Promise<string> {
  try {
    return await accessToken(
      `${baseUrl}/api/token`,
      { authorization: basicAuth('demo-legacy', 'demo-legacy-secret') },
      'grant_type=password&username=alice&password=alice-password&scope=openid+profile+email',
    );
  } catch {
    const outcome = await runCodeFlow(baseUrl, new CookieJar(), CODE_FLOW);
    return (JSON.parse(outcome.tokenResponse ?? '{}') as { access_token: string }).access_token;
  }
}

async function setFakeDelay(fakeUrl: string, ms: number): Promise<void> {
  await send(`${fakeUrl}/__bench/delay?ms=${ms}`, 'POST');
}

function flowWorkload(
  id: string,
  group: string,
  a: ChildServer,
  options: FlowLoadOptions,
): Workload {
  return {
    id,
    group,
    server: 'a',
    unit: 'flow',
    prepare: async () => {
      await runCodeFlow(a.url, new CookieJar(), options);
    },
    run: (seconds) => flowLoad(a.url, options, seconds),
  };
}

/** Every workload of issue 7, in the order one round runs them. */
export function buildWorkloads(servers: Servers, settings: BenchSettings): Workload[] {
  const { a, b, c, d, e, fake } = servers;
  const connections = settings.connections;
  const tokenRequest = (path: string) => () =>
    Promise.resolve({
      method: 'POST' as const,
      path,
      headers: formHeaders({ authorization: SERVICE_CLIENT }),
      body: CLIENT_CREDENTIALS,
    });
  const introspection = (tokenUrl: string, path: string) => async () => {
    const token = await accessToken(
      tokenUrl,
      { authorization: SERVICE_CLIENT },
      CLIENT_CREDENTIALS,
    );
    return {
      method: 'POST' as const,
      path,
      headers: formHeaders({ authorization: RESOURCE_SERVER }),
      body: `token=${encodeURIComponent(token)}`,
    };
  };
  const userinfo = (path: string, token: () => Promise<string>) => async () => ({
    method: 'GET' as const,
    path,
    headers: { authorization: `Bearer ${await token()}` },
  });
  const group1 = '1 client_credentials';
  const group2 = '2 introspection';
  const group3 = '3 userinfo';
  const group4 = '4 code flow + PKCE';
  const group5 = '5 token via Authlete';
  const group6 = '6 latency-bound';
  const group0 = '0 floor';
  return [
    requestWorkload({
      id: 'floor/e',
      group: group0,
      server: 'e',
      baseUrl: e.url,
      request: tokenRequest('/api/token'),
      expect: '"access_token"',
      connections,
    }),
    requestWorkload({
      id: 'client_credentials/a',
      group: group1,
      server: 'a',
      baseUrl: a.url,
      request: tokenRequest('/api/token'),
      expect: '"access_token"',
      connections,
    }),
    requestWorkload({
      id: 'client_credentials/d',
      group: group1,
      server: 'd',
      baseUrl: d.url,
      request: tokenRequest('/token'),
      expect: '"access_token"',
      connections,
    }),
    requestWorkload({
      id: 'introspection/a',
      group: group2,
      server: 'a',
      baseUrl: a.url,
      request: introspection(`${a.url}/api/token`, '/api/introspection'),
      expect: '"active":true',
      connections,
    }),
    requestWorkload({
      id: 'introspection/d',
      group: group2,
      server: 'd',
      baseUrl: d.url,
      request: introspection(`${d.url}/token`, '/token/introspection'),
      expect: '"active":true',
      connections,
    }),
    requestWorkload({
      id: 'userinfo/a',
      group: group3,
      server: 'a',
      baseUrl: a.url,
      request: userinfo('/api/userinfo', () => userTokenOnService(a.url)),
      expect: '"sub"',
      connections,
    }),
    requestWorkload({
      id: 'userinfo/d',
      group: group3,
      server: 'd',
      baseUrl: d.url,
      request: userinfo('/me', () => Promise.resolve(d.info.userinfoToken ?? '')),
      expect: '"sub"',
      connections,
    }),
    // prompt=consent on both: the consent page is shown every time (a remembered consent would
    // otherwise skip it after the first flow), as issue 7 describes the flow.
    // The ceiling of a flow with a fresh login: scrypt verifications of alice's hash per second,
    // with as many concurrent callers as there are browsers.
    requestWorkload({
      id: 'password_hash/e',
      group: group4,
      server: 'e',
      baseUrl: e.url,
      request: () => Promise.resolve({ method: 'POST' as const, path: '/api/verify', headers: {} }),
      expect: '"verified":true',
      connections: settings.flowUsers,
    }),
    flowWorkload('code_flow/a', group4, a, {
      ...CODE_FLOW,
      users: settings.flowUsers,
      keepSession: false,
      extra: { prompt: 'consent' },
    }),
    flowWorkload('code_flow_signed_in/a', group4, a, {
      ...CODE_FLOW,
      users: settings.flowUsers,
      keepSession: true,
      extra: { prompt: 'consent' },
    }),
    requestWorkload({
      id: 'token/b',
      group: group5,
      server: 'b',
      baseUrl: b.url,
      request: tokenRequest('/api/token'),
      expect: '"access_token"',
      connections,
    }),
    requestWorkload({
      id: 'token/c',
      group: group5,
      server: 'c',
      baseUrl: c.url,
      request: tokenRequest('/api/token'),
      expect: '"access_token"',
      connections,
    }),
    ...(['b', 'c'] as const).map((server) =>
      requestWorkload({
        id: `latency_bound/${server}`,
        group: group6,
        server,
        baseUrl: server === 'b' ? b.url : c.url,
        request: tokenRequest('/api/token'),
        expect: '"access_token"',
        connections: settings.latencyConnections,
        around: {
          before: () => setFakeDelay(fake.url, settings.latencyDelayMs),
          after: () => setFakeDelay(fake.url, 0),
        },
      }),
    ),
  ];
}
