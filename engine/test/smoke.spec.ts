import { EngineHarness, redirectParams } from './harness';

describe('smoke', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(() => engine.close());

  it('runs an authorization', async () => {
    const auth = await engine.call('/auth/authorization', {
      parameters:
        'response_type=code&client_id=demo-web&redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback&scope=openid+profile&state=xyz',
    });
    console.log(JSON.stringify(auth.body, null, 1));
    const issue = await engine.call('/auth/authorization/issue', {
      ticket: auth.body.ticket,
      subject: 'alice',
    });
    console.log(issue.body);
    expect(redirectParams(issue.body.responseContent).get('state')).toBe('xyz');
    const conf = await engine.call('/service/configuration');
    console.log(conf.status, conf.text.slice(0, 200));
  });
});
