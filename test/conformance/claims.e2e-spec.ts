import * as oauth from 'oauth4webapi';
import { codeFlow, connect, insecure, type Op } from './support/op';
import { useTarget, variants } from './support/variants';

/**
 * Claims: oidcc-basic-certification-test-plan modules oidcc-scope-profile, oidcc-scope-email,
 * oidcc-scope-address, oidcc-scope-phone, oidcc-scope-all, oidcc-claims-essential,
 * oidcc-claims-locales; the claims request parameter for id_token and userinfo with value
 * (OIDC Core §5.5, §5.5.1), checked through oauth4webapi's processUserInfoResponse.
 */
describe.each(variants())('oidcc-basic: claims ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  async function userinfo(accessToken: string, subject: string): Promise<oauth.UserInfoResponse> {
    const rp = { client_id: target().confidential.clientId };
    const response = await oauth.userInfoRequest(op.as, rp, accessToken, insecure);
    return oauth.processUserInfoResponse(op.as, rp, subject, response);
  }

  async function claimsFor(scope: string, extra: Record<string, string> = {}) {
    const flow = await codeFlow(op, { extra: { scope, ...extra } });
    return { flow, info: await userinfo(flow.tokens.access_token, flow.idToken.sub) };
  }

  const PROFILE = ['name', 'family_name', 'given_name', 'preferred_username'];

  it('[oidcc-scope-profile] scope profile returns profile claims at userinfo and nothing from email/phone/address', async () => {
    const { info } = await claimsFor('openid profile');
    for (const claim of PROFILE) expect(info).toHaveProperty(claim);
    expect(info).not.toHaveProperty('email');
    expect(info).not.toHaveProperty('phone_number');
    expect(info).not.toHaveProperty('address');
  });

  it('[oidcc-scope-email] scope email returns email and email_verified at userinfo', async () => {
    const { info } = await claimsFor('openid email');
    expect(typeof info.email).toBe('string');
    expect(typeof info.email_verified).toBe('boolean');
    expect(info).not.toHaveProperty('name');
  });

  it('[oidcc-scope-address] scope address returns an address object at userinfo (OIDC Core §5.1.1)', async () => {
    const { info } = await claimsFor('openid address');
    expect(typeof info.address).toBe('object');
    expect(info.address).not.toBeNull();
    expect(info).not.toHaveProperty('email');
  });

  it('[oidcc-scope-phone] scope phone returns phone_number and phone_number_verified at userinfo', async () => {
    const { info } = await claimsFor('openid phone');
    expect(typeof info.phone_number).toBe('string');
    expect(typeof info.phone_number_verified).toBe('boolean');
  });

  it('[oidcc-scope-all] scopes profile email address phone return all of them; sub matches the ID token', async () => {
    const { info, flow } = await claimsFor('openid profile email address phone');
    expect(info.sub).toBe(flow.idToken.sub);
    for (const claim of [...PROFILE, 'email', 'address', 'phone_number']) {
      expect(info).toHaveProperty(claim);
    }
  });

  it('[oidcc-claims-essential] the claims parameter asking name as essential at userinfo returns name', async () => {
    const claims = JSON.stringify({ userinfo: { name: { essential: true } } });
    const { info } = await claimsFor('openid', { claims });
    expect(typeof info.name).toBe('string');
    expect(info).not.toHaveProperty('email');
  });

  it('[oidcc-claims-essential] the claims parameter for id_token puts the requested claims in the ID token (OIDC Core §5.5)', async () => {
    const claims = JSON.stringify({ id_token: { email: { essential: true }, name: null } });
    const { flow } = await claimsFor('openid', { claims });
    expect(typeof flow.idToken.email).toBe('string');
    expect(typeof flow.idToken.name).toBe('string');
  });

  it('[oidcc-claims-essential] a claims request with value for sub, matching the user, succeeds with that sub (OIDC Core §5.5.1)', async () => {
    const first = await codeFlow(op);
    const claims = JSON.stringify({ id_token: { sub: { value: first.idToken.sub } } });
    const second = await codeFlow(op, { extra: { claims } });
    expect(second.idToken.sub).toBe(first.idToken.sub);
  });

  it('[oidcc-claims-essential] a malformed claims parameter is rejected with invalid_request (OIDC Core §5.5)', async () => {
    const rp = target().confidential;
    const outcome = await op.browser.authorize(
      op.as.authorization_endpoint!,
      {
        response_type: 'code',
        client_id: rp.clientId,
        redirect_uri: rp.redirectUri,
        scope: 'openid',
        state: 's',
        claims: '{not json',
      },
      { user: target().user },
    );
    if (outcome.kind === 'redirect') expect(outcome.params.get('error')).toBe('invalid_request');
    else expect(outcome.kind).toBe('error');
  });

  it('[oidcc-claims-locales] claims_locales=se (unsupported) does not cause an error', async () => {
    const { info } = await claimsFor('openid profile', { claims_locales: 'se' });
    expect(typeof info.name).toBe('string');
  });

  it('[oidcc-claims-locales] claims_locales=ja picks the ja value of a claim requested for the ID token (OIDC Core §5.2)', async () => {
    const claims = JSON.stringify({ id_token: { name: { essential: true } } });
    const flow = await codeFlow(op, { extra: { claims, claims_locales: 'ja' } });
    expect(typeof flow.idToken.name).toBe('string');
    if (variant.local) expect(flow.idToken.name).toBe('アダムス アリス');
  });

  it('[oidcc-claims-locales] claims_locales=ja also picks the ja value at userinfo (OIDC Core §5.2)', async () => {
    const { info } = await claimsFor('openid profile', { claims_locales: 'ja' });
    expect(typeof info.name).toBe('string');
    if (variant.local) expect(info.name).toBe('アダムス アリス');
  });
});
