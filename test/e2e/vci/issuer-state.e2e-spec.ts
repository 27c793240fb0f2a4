import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authorizeAs, pkce, submitLogin } from '../authorization/support/flow';
import { parseForms } from '../../support/html-forms';
import { pageKind } from '../../support/pages';
import { startJourneyApp, type JourneyApp } from '../engine/journey-app';
import { Browser } from '../../support/browser';
import { writeEngineConfig } from '../../support/engine-config';
import { postJson } from './wallet';

const CALLBACK = 'http://localhost:3000/wallet/callback';

interface CodeOffer {
  credential_offer: { grants: { authorization_code?: { issuer_state?: string } } };
}

describe('issuer_state (OID4VCI 1.0 §5.1.3) ties an authorization request to its offer on the embedded engine', () => {
  let app: JourneyApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'issuer-state-'));
    // Offers live 2 s here, so one can be seen to expire.
    const config = writeEngineConfig(dir, (engine) => {
      engine.service.credentialOfferDuration = 2;
    });
    app = await startJourneyApp({ ENGINE_CONFIG: config, ENGINE_DATA_DIR: join(dir, 'data') });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function issuerState(configuration: string): Promise<string> {
    const created = await postJson(`${app.issuer}/api/vci/offers`, {
      credential_configuration_ids: [configuration],
      subject: '1001',
      authorization_code: true,
    });
    expect(created.status).toBe(201);
    const offer = created.body as unknown as CodeOffer;
    const state = offer.credential_offer.grants.authorization_code?.issuer_state;
    expect(state).toEqual(expect.any(String));
    return state ?? '';
  }

  /** Runs the wallet's authorization request as alice; returns the redirect's parameters. */
  async function authorize(extra: Record<string, string>, verifier = pkce()) {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'demo-wallet',
      redirect_uri: CALLBACK,
      scope: 'openid',
      state: 'wallet-1',
      code_challenge: verifier.challenge,
      code_challenge_method: 'S256',
      ...extra,
    });
    const { params } = await authorizeAs(
      new Browser(app.issuer),
      `/api/authorization?${query.toString()}`,
    );
    return params;
  }

  it('grants the offer’s credential configurations when the request has only issuer_state', async () => {
    const verifier = pkce();
    const params = await authorize({ issuer_state: await issuerState('employee_badge') }, verifier);
    expect(params.get('error')).toBeNull();
    const token = await fetch(`${app.issuer}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code') ?? '',
        redirect_uri: CALLBACK,
        code_verifier: verifier.verifier,
        client_id: 'demo-wallet',
      }).toString(),
    });
    expect(token.status).toBe(200);
    const body = (await token.json()) as Record<string, unknown>;
    expect(body.authorization_details).toEqual([
      {
        type: 'openid_credential',
        credential_configuration_id: 'employee_badge',
        credential_identifiers: ['employee_badge'],
      },
    ]);
  });

  it.each([
    ['an unknown issuer_state', () => Promise.resolve('no-such-offer')],
    ['an oversized issuer_state', () => Promise.resolve('s'.repeat(5000))],
  ])('refuses %s with invalid_request', async (_why, state) => {
    const params = await authorize({ issuer_state: await state() });
    expect(params.get('error')).toBe('invalid_request');
    expect(params.get('state')).toBe('wallet-1');
  });

  it('refuses the issuer_state of an expired offer with invalid_request', async () => {
    const state = await issuerState('employee_badge');
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const params = await authorize({ issuer_state: state });
    expect(params.get('error')).toBe('invalid_request');
  });

  it('refuses authorization_details naming a configuration the offer does not', async () => {
    const params = await authorize({
      issuer_state: await issuerState('employee_badge'),
      authorization_details: JSON.stringify([
        { type: 'openid_credential', credential_configuration_id: 'identity_credential' },
      ]),
    });
    expect(params.get('error')).toBe('invalid_authorization_details');
  });

  it('an offer made for alice is redeemed only by alice: the login page asks for her, bob is refused', async () => {
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: 'demo-wallet',
      redirect_uri: CALLBACK,
      scope: 'openid',
      state: 'wallet-2',
      prompt: 'consent',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
      issuer_state: await issuerState('employee_badge'),
    });
    const browser = new Browser(app.issuer);
    const page = await (await browser.get(`/api/authorization?${query.toString()}`)).text();
    expect(pageKind(page)).toBe('login');
    const username = parseForms(page)
      .flatMap((form) => form.controls)
      .find((control) => control.name === 'username');
    expect(username?.value).toBe('alice');
    const refused = await (await submitLogin(browser, page, 'bob', 'bob-password')).text();
    expect(pageKind(refused)).toBe('login');
    const signedIn = await submitLogin(browser, refused, 'alice', 'alice-password');
    expect(pageKind(await signedIn.text())).toBe('consent');
  });
});
