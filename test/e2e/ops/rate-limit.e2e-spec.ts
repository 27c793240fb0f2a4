import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { postForm } from './ops-helpers';
import { LIMITS, describeRateLimits } from './rate-limit-cases';

describeRateLimits('memory', () => ({}));

describe('THROTTLE_ENABLED=false turns rate limiting off', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      ...LIMITS,
      THROTTLE_ENABLED: 'false',
    });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('lets every request through', async () => {
    for (let i = 0; i < 10; i += 1) {
      const res = await postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
        authorization: `Basic ${Buffer.from('c:s').toString('base64')}`,
      });
      expect(res.status).toBe(200);
    }
  });
});
