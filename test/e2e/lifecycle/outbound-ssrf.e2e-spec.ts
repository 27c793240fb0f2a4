import { scriptRpSession, signInToRp, signOutThroughForm } from './support/rp-session';
import { createServer, type Server } from 'node:http';
import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { type LogoutReceiver, startLogoutReceiver } from './rp-receiver';

const REDIRECT = 'https://rp.example.com/cb';

async function register(app: TestApp, metadata: Record<string, unknown>) {
  const response = await fetch(`${app.url}/api/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ redirect_uris: [REDIRECT], ...metadata }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('SSRF guard of registered URLs at registration (RFC 7591 §2, §3.2.2)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({
      AUTHLETE_BASE_URL: undefined,
      THROTTLE_REGISTER_LIMIT_PER_IP: '1000',
      OUTBOUND_HTTPS_REQUIRED: 'true',
      OUTBOUND_PRIVATE_HOSTS_ALLOWED: 'none',
    });
  });
  afterAll(() => app.close());

  it.each([
    [{ backchannel_logout_uri: 'https://169.254.169.254/latest/meta-data' }],
    [{ backchannel_logout_uri: 'https://10.0.0.5/bcl' }],
    [{ backchannel_logout_uri: 'https://localhost/bcl' }],
    [{ backchannel_logout_uri: 'https://[::1]/bcl' }],
    [{ backchannel_logout_uri: 'http://rp.example.com/bcl' }],
    [{ jwks_uri: 'https://192.168.1.1/jwks' }],
    [{ sector_identifier_uri: 'https://127.0.0.1/sector' }],
    [{ request_uris: ['https://rp.example.com/r', 'https://172.16.0.1/r'] }],
  ])('%j → 400 invalid_client_metadata, nothing registered', async (metadata) => {
    const { status, body } = await register(app, metadata);
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_client_metadata');
    expect(body.error_description).toMatch(
      new RegExp(`^${Object.keys(metadata)[0]!} (must be an https URL|.*address)$`),
    );
    expect(body).not.toHaveProperty('client_id');
  });

  it('a public https URI is accepted; an update to a private one is refused', async () => {
    const { status, body } = await register(app, {
      backchannel_logout_uri: 'https://rp.example.com/bcl',
    });
    expect(status).toBe(201);
    const update = await fetch(`${app.url}/api/register/${String(body.client_id)}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${String(body.registration_access_token)}`,
      },
      body: JSON.stringify({
        client_id: body.client_id,
        redirect_uris: [REDIRECT],
        backchannel_logout_uri: 'https://169.254.169.254/bcl',
      }),
    });
    expect(update.status).toBe(400);
    expect(((await update.json()) as { error: string }).error).toBe('invalid_client_metadata');
  });
});

describe('SSRF guard of back-channel logout delivery (Back-Channel Logout 1.0 §2.5)', () => {
  let fake: FakeAuthlete;
  let receiver: LogoutReceiver;
  let redirector: Server;
  let redirectorUrl: string;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    receiver = await startLogoutReceiver();
    redirector = createServer((_request, response) => {
      response.writeHead(307, { location: receiver.url }).end();
    });
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const address = redirector.address();
    redirectorUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/bcl`;
  });
  afterAll(async () => {
    await fake.close();
    await receiver.close();
    await new Promise((resolve) => redirector.close(resolve));
  });

  /** Signs alice in to rp-1 and out again; Authlete names `uri` as the RP's logout URI. */
  async function signInAndOut(app: TestApp, uri: string): Promise<Response> {
    receiver.received.length = 0;
    scriptRpSession(fake, {
      body: { action: 'OK', logoutToken: 'h.p.s', backchannelLogoutUri: uri },
    });
    const browser = await signInToRp(app.url);
    return signOutThroughForm(browser);
  }

  it('a loopback URI is not called when no private host is admitted; the sign-out still completes', async () => {
    const app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      OUTBOUND_PRIVATE_HOSTS_ALLOWED: 'none',
    });
    try {
      for (const uri of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost')]) {
        const response = await signInAndOut(app, uri);
        expect(response.status).toBe(200);
        expect(await response.text()).toContain('You have signed out');
        expect(receiver.received).toEqual([]);
      }
    } finally {
      await app.close();
    }
  });

  it('a redirect from the RP is never followed', async () => {
    const app = await startTestApp(fakeAuthleteEnv(fake.url));
    try {
      const response = await signInAndOut(app, redirectorUrl);
      expect(response.status).toBe(200);
      expect(receiver.received).toEqual([]);
      const direct = await signInAndOut(app, receiver.url);
      expect(direct.status).toBe(200);
      expect(receiver.received.map((entry) => entry.logoutToken)).toEqual(['h.p.s']);
    } finally {
      await app.close();
    }
  });
});
