import { startFakeAuthlete, type FakeAuthlete } from '../../support/fake-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';

const DER = Buffer.from('a DER-encoded client certificate').toString('base64');
const PEM = `-----BEGIN CERTIFICATE-----\n${DER}\n-----END CERTIFICATE-----`;
const DER_CHAIN = Buffer.from('an intermediate CA certificate').toString('base64');

/**
 * mTLS behind a TLS-terminating proxy (RFC 8705, RFC 9440): certificate headers are believed only
 * when the direct peer is listed in TRUST_PROXY. The test client connects from 127.0.0.1.
 */
describe.each([
  ['TRUST_PROXY=127.0.0.1', '127.0.0.1', true],
  ['TRUST_PROXY unset', undefined, false],
  ['TRUST_PROXY=10.0.0.0/8 (another proxy)', '10.0.0.0/8', false],
] as const)('client certificate headers with %s', (_title, trustProxy, believed) => {
  let fake: FakeAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFakeAuthlete();
    app = await startTestApp({ ...fakeAuthleteEnv(fake.url), TRUST_PROXY: trustProxy });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.reset();
    fake.on('auth/token', { body: { action: 'OK', responseContent: '{}' } });
    fake.on('auth/userinfo', { body: { action: 'UNAUTHORIZED', responseContent: 'Bearer' } });
  });

  it(`${believed ? 'forwards' : 'ignores'} Client-Cert and Client-Cert-Chain at the token endpoint`, async () => {
    const res = await fetch(`${app.url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'client-cert': `:${DER}:`,
        'client-cert-chain': `:${DER_CHAIN}:`,
      },
      body: 'grant_type=client_credentials&client_id=mtls-client',
    });
    expect(res.status).toBe(200);
    const body = fake.callsTo('auth/token')[0]!.body as Record<string, unknown>;
    if (believed) {
      expect(body.clientCertificate).toBe(PEM);
      expect(body.clientCertificatePath).toEqual([
        `-----BEGIN CERTIFICATE-----\n${DER_CHAIN}\n-----END CERTIFICATE-----`,
      ]);
    } else {
      expect(body).not.toHaveProperty('clientCertificate');
      expect(body).not.toHaveProperty('clientCertificatePath');
    }
  });

  it(`${believed ? 'forwards' : 'ignores'} an nginx-escaped X-Ssl-Cert at the userinfo endpoint`, async () => {
    await fetch(`${app.url}/api/userinfo`, {
      headers: { authorization: 'Bearer at-1', 'x-ssl-cert': encodeURIComponent(PEM) },
    });
    const body = fake.callsTo('auth/userinfo')[0]!.body as Record<string, unknown>;
    expect(body.clientCertificate).toBe(believed ? PEM : undefined);
  });
});
