import { createHash, randomBytes } from 'node:crypto';
import { startJourneyApp } from '../../e2e/engine/journey-app';
import { holderKey, issuerVerifier, postJson, proofJwt } from '../../e2e/vci/wallet';
import { useChromiumSuite } from '../support/chromium';

const CALLBACK = 'http://localhost:3000/wallet/callback';
const DETAILS = [{ type: 'openid_credential', credential_configuration_id: 'employee_badge' }];

describe('the authorization-code flow with openid_credential authorization_details (Chromium)', () => {
  const suite = useChromiumSuite('vci-authorization-details', () => startJourneyApp());

  it('shows the credential on consent and issues it after login and consent', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'demo-wallet',
      redirect_uri: CALLBACK,
      scope: 'openid',
      state: 'wallet-1',
      prompt: 'consent',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      authorization_details: JSON.stringify(DETAILS),
    });
    const page = await (await suite.browser.newContext({ locale: 'en-US' })).newPage();
    await page.goto(`${suite.app.issuer}/api/authorization?${query.toString()}`);
    await page.getByLabel(/Username/).fill('alice');
    await page.getByLabel(/Password/).fill('alice-password');
    await page.locator('button[name="decision"][value="login"]').click();
    await page.locator('button[name="decision"][value="approve"]').waitFor();
    expect(await page.locator('ul.credentials').innerText()).toContain('employee_badge');
    await suite.shots.take(page, 'consent');
    // Nothing listens on the wallet's redirect URI: the browser's request to it is the landing.
    const [landing] = await Promise.all([
      page.waitForRequest((request) => request.url().startsWith(CALLBACK)),
      page.locator('button[name="decision"][value="approve"]').click(),
    ]);
    const code = new URL(landing.url()).searchParams.get('code') ?? '';

    const tokenResponse = await fetch(`${suite.app.issuer}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CALLBACK,
        code_verifier: verifier,
        client_id: 'demo-wallet',
      }).toString(),
    });
    const token = (await tokenResponse.json()) as Record<string, unknown>;
    expect(tokenResponse.status).toBe(200);
    expect(token.authorization_details).toEqual([
      { ...DETAILS[0], credential_identifiers: ['employee_badge'] },
    ]);

    const nonce = (await postJson(`${suite.app.issuer}/api/vci/nonce`, {})).body.c_nonce as string;
    const holder = await holderKey();
    const issued = await postJson(
      `${suite.app.issuer}/api/vci/credential`,
      {
        credential_identifier: 'employee_badge',
        proofs: { jwt: [await proofJwt(holder, suite.app.issuer, nonce)] },
      },
      { authorization: `Bearer ${String(token.access_token)}` },
    );
    expect(issued.status).toBe(200);
    const credential = (issued.body.credentials as { credential: string }[])[0]?.credential ?? '';
    const verified = await (await issuerVerifier(suite.app.issuer)).verify(credential);
    expect(verified.payload).toMatchObject({
      name: 'Alice Adams',
      email: 'alice@example.com',
      department: 'Engineering',
      vct: 'urn:nestjs-oauth-server:employee_badge:1',
      cnf: { jwk: holder.jwk },
    });
  });
});
