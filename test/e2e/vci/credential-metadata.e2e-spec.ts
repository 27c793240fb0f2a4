import { useFakeAuthleteApp } from '../../support/test-app';

const PARSED = { action: 'OK', info: { identifier: 'req-1', credentialConfigurationId: 'badge' } };
const METADATA = {
  action: 'OK',
  responseContent: JSON.stringify({
    credential_configurations_supported: {
      badge: { credential_metadata: { claims: [{ path: ['name'] }, { path: ['email'] }] } },
    },
  }),
};
const CREDENTIALS = '{"credentials":[{"credential":"eyJ.eyJ.sig~WyJ~"}]}';

/**
 * The credential endpoint needs the configuration's claim names from `/vci/metadata` (OID4VCI 1.0
 * §12.2.4). It keeps them for a minute, like discovery, instead of one more Authlete round trip
 * per credential. The tests run in order on one app: the first finds nothing cached.
 */
describe('credential issuance reads /vci/metadata once a minute', () => {
  const suite = useFakeAuthleteApp();
  beforeEach(() => {
    suite.fake.reset();
    suite.fake.answer('vci/single/parse', PARSED);
    suite.fake.answer('auth/introspection', { action: 'OK', subject: '1001' });
    suite.fake.answer('vci/single/issue', { action: 'OK', responseContent: CREDENTIALS });
  });

  const requestCredential = () =>
    fetch(`${suite.app.url}/api/vci/credential`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer at-1' },
      body: '{"credential_configuration_id":"badge","proofs":{"jwt":["eyJ.proof.sig"]}}',
    });

  it('with no metadata yet, a failing /vci/metadata is a 500 server_error and nothing is issued', async () => {
    suite.fake.answer('vci/metadata', { action: 'INTERNAL_SERVER_ERROR' });
    const response = await requestCredential();
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: 'server_error',
      error_description: 'The credential issuer metadata is unavailable.',
    });
    expect(suite.fake.callsTo('vci/single/issue')).toHaveLength(0);
  });

  it('two credentials in a row ask /vci/metadata once, and both carry the configuration’s claims', async () => {
    suite.fake.answer('vci/metadata', METADATA);
    expect((await requestCredential()).status).toBe(200);
    expect((await requestCredential()).status).toBe(200);
    expect(suite.fake.callsTo('vci/metadata')).toHaveLength(1);
    const issued = suite.fake.callsTo('vci/single/issue');
    expect(issued).toHaveLength(2);
    for (const call of issued) {
      const order = (call.body as { order: { credentialPayload: string } }).order;
      expect(JSON.parse(order.credentialPayload)).toEqual({
        name: 'Alice Adams',
        email: 'alice@example.com',
      });
    }
  });

  it('within the minute a failing /vci/metadata is not even asked: issuance goes on', async () => {
    suite.fake.answer('vci/metadata', { action: 'INTERNAL_SERVER_ERROR' });
    expect((await requestCredential()).status).toBe(200);
    expect(suite.fake.callsTo('vci/metadata')).toHaveLength(0);
  });
});
