import { startJourneyApp, type JourneyApp } from '../engine/journey-app';
import { postJson } from './wallet';

const ADMIN = 'an-offer-administration-token';
const OFFER = { credential_configuration_ids: ['employee_badge'], subject: '1001' };

describe('POST /api/vci/offers with VCI_OFFER_ADMIN_TOKEN', () => {
  let app: JourneyApp;
  beforeAll(async () => {
    app = await startJourneyApp({ VCI_OFFER_ADMIN_TOKEN: ADMIN });
  });
  afterAll(async () => app?.close());

  it('refuses a request without the administration token', async () => {
    const refused = await postJson(`${app.issuer}/api/vci/offers`, OFFER);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('invalid_token');
    expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="vci-offers"');
    const wrong = await postJson(`${app.issuer}/api/vci/offers`, OFFER, {
      authorization: 'Bearer not-the-token',
    });
    expect(wrong.status).toBe(401);
  });

  it('creates the offer with the administration token', async () => {
    const created = await postJson(`${app.issuer}/api/vci/offers`, OFFER, {
      authorization: `Bearer ${ADMIN}`,
    });
    expect(created.status).toBe(201);
    expect(created.body.credential_offer).toMatchObject({
      credential_issuer: app.issuer,
      credential_configuration_ids: ['employee_badge'],
    });
  });

  it('answers 400 for malformed administration input, never a 500', async () => {
    const headers = { authorization: `Bearer ${ADMIN}` };
    for (const body of [
      [],
      { credential_configuration_ids: 'employee_badge', subject: '1001' },
      { credential_configuration_ids: ['employee_badge'] },
      { credential_configuration_ids: ['unknown'], subject: '1001' },
      {
        credential_configuration_ids: ['employee_badge'],
        subject: '1001',
        tx_code: 'x'.repeat(80),
      },
    ]) {
      const answer = await postJson(`${app.issuer}/api/vci/offers`, body, headers);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
  });
});
