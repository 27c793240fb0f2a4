import { startJourneyApp, type JourneyApp } from '../engine/journey-app';
import {
  holderKey,
  issuerVerifier,
  postJson,
  PRE_AUTHORIZED_GRANT,
  proofJwt,
  unsignedProof,
  type HolderKey,
} from './wallet';

interface Offer {
  credential_offer: { grants: Record<string, { 'pre-authorized_code': string }> };
  credential_offer_uri: string;
  offer_page: string;
  tx_code?: string;
}

const ALICE_BADGE = { name: 'Alice Adams', email: 'alice@example.com', department: 'Engineering' };

describe('OpenID for Verifiable Credential Issuance on the embedded engine', () => {
  let app: JourneyApp;
  let issuer: string;
  beforeAll(async () => {
    app = await startJourneyApp({ VCI_DEFERRED_CONFIGURATIONS: 'identity_credential' });
    issuer = app.issuer;
  });
  afterAll(async () => app?.close());

  async function createOffer(configuration: string, txCode?: string): Promise<Offer> {
    const created = await postJson(`${issuer}/api/vci/offers`, {
      credential_configuration_ids: [configuration],
      subject: '1001',
      ...(txCode === undefined ? {} : { tx_code: txCode }),
    });
    expect(created.status).toBe(201);
    return created.body as unknown as Offer;
  }

  async function accessTokenFor(configuration: string): Promise<string> {
    const offer = await createOffer(configuration);
    const code = offer.credential_offer.grants[PRE_AUTHORIZED_GRANT]?.['pre-authorized_code'];
    const token = await redeem(code ?? '');
    expect(token.status).toBe(200);
    return token.body.access_token as string;
  }

  function redeem(code: string, txCode?: string): ReturnType<typeof postForm> {
    const params: Record<string, string> = {
      grant_type: PRE_AUTHORIZED_GRANT,
      'pre-authorized_code': code,
      client_id: 'demo-wallet',
    };
    if (txCode !== undefined) params.tx_code = txCode;
    return postForm(`${issuer}/api/token`, params);
  }

  async function postForm(
    url: string,
    params: Record<string, string>,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params).toString(),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function nonce(): Promise<string> {
    const answer = await postJson(`${issuer}/api/vci/nonce`, {});
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    return answer.body.c_nonce as string;
  }

  function requestCredential(token: string, body: object): ReturnType<typeof postJson> {
    return postJson(`${issuer}/api/vci/credential`, body, { authorization: `Bearer ${token}` });
  }

  async function credentialWithProof(token: string, holder: HolderKey, body: object) {
    const proof = await proofJwt(holder, issuer, await nonce());
    return requestCredential(token, { ...body, proofs: { jwt: [proof] } });
  }

  it('publishes credential issuer metadata naming its endpoints and configurations', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-credential-issuer`);
    expect(response.status).toBe(200);
    const metadata = (await response.json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      credential_issuer: issuer,
      authorization_servers: [issuer],
      credential_endpoint: `${issuer}/api/vci/credential`,
      nonce_endpoint: `${issuer}/api/vci/nonce`,
      deferred_credential_endpoint: `${issuer}/api/vci/deferred_credential`,
    });
    expect(metadata.credential_configurations_supported).toHaveProperty('employee_badge.vct');
    const discovery = (await (
      await fetch(`${issuer}/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery.grant_types_supported).toContain(PRE_AUTHORIZED_GRANT);
    expect(discovery.authorization_details_types_supported).toEqual(['openid_credential']);
  });

  it('offer → pre-authorized code with tx_code → nonce → proof → a verifiable SD-JWT VC', async () => {
    const offer = await createOffer('employee_badge', '4711');
    expect(offer.tx_code).toBe('4711');
    const byReference = await fetch(offer.credential_offer_uri);
    expect(await byReference.json()).toEqual(offer.credential_offer);
    const page = await (await fetch(offer.offer_page)).text();
    expect(page).toContain(
      `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(offer.credential_offer_uri)}`,
    );
    const code = offer.credential_offer.grants[PRE_AUTHORIZED_GRANT]?.['pre-authorized_code'] ?? '';
    expect((await redeem(code, '0000')).body.error).toBe('invalid_grant');
    const token = await redeem(code, '4711');
    expect(token.status).toBe(200);
    expect(token.body.authorization_details).toEqual([
      {
        type: 'openid_credential',
        credential_configuration_id: 'employee_badge',
        credential_identifiers: ['employee_badge'],
      },
    ]);
    const holder = await holderKey();
    const issued = await credentialWithProof(token.body.access_token as string, holder, {
      credential_identifier: 'employee_badge',
    });
    expect(issued.status).toBe(200);
    const credential = (issued.body.credentials as { credential: string }[])[0]?.credential ?? '';

    const sdJwt = await issuerVerifier(issuer);
    const verified = await sdJwt.verify(credential);
    expect(verified.header).toMatchObject({ alg: 'ES256', typ: 'dc+sd-jwt' });
    expect(verified.payload).toMatchObject({
      ...ALICE_BADGE,
      iss: issuer,
      vct: 'urn:nestjs-oauth-server:employee_badge:1',
      cnf: { jwk: holder.jwk },
    });
    expect((await sdJwt.presentableKeys(credential)).sort()).toEqual([
      'department',
      'email',
      'name',
    ]);

    const presented = await sdJwt.present(credential, { department: true });
    const disclosed = (await sdJwt.verify(presented)).payload as Record<string, unknown>;
    expect(disclosed.department).toBe('Engineering');
    expect(disclosed).not.toHaveProperty('name');
    expect(disclosed).not.toHaveProperty('email');
  });

  it('answers the OID4VCI error for each refused credential request', async () => {
    const token = await accessTokenFor('employee_badge');
    const holder = await holderKey();
    const other = await holderKey();
    const request = { credential_configuration_id: 'employee_badge' };
    const errorOf = async (body: object): Promise<string> => {
      const answer = await requestCredential(token, body);
      return `${answer.status} ${String(answer.body.error)}`;
    };
    expect(await errorOf(request)).toBe('400 invalid_proof');
    const foreign = await proofJwt(holder, issuer, 'a-nonce-this-issuer-never-gave');
    expect(await errorOf({ ...request, proofs: { jwt: [foreign] } })).toBe('400 invalid_nonce');
    const none = unsignedProof(holder, issuer, await nonce());
    expect(await errorOf({ ...request, proofs: { jwt: [none] } })).toBe('400 invalid_proof');
    const mismatched = await proofJwt(holder, issuer, await nonce(), { headerJwk: other.jwk });
    expect(await errorOf({ ...request, proofs: { jwt: [mismatched] } })).toBe('400 invalid_proof');
    const proof = await proofJwt(holder, issuer, await nonce());
    expect(await errorOf({ credential_configuration_id: 'nope', proofs: { jwt: [proof] } })).toBe(
      '400 unknown_credential_configuration',
    );
    expect(
      await errorOf({
        credential_configuration_id: 'identity_credential',
        proofs: { jwt: [proof] },
      }),
    ).toBe('400 invalid_credential_request');
    const unauthenticated = await postJson(`${issuer}/api/vci/credential`, request);
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer');
    const badToken = await postJson(`${issuer}/api/vci/credential`, request, {
      authorization: 'Bearer not-a-token',
    });
    expect(badToken.status).toBe(401);
    expect(badToken.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('answers malformed credential requests with 400, never a 500', async () => {
    const token = await accessTokenFor('employee_badge');
    const send = async (body: string, type = 'application/json'): Promise<number> =>
      (
        await fetch(`${issuer}/api/vci/credential`, {
          method: 'POST',
          headers: { 'content-type': type, authorization: `Bearer ${token}` },
          body,
        })
      ).status;
    const many = Array.from({ length: 50 }, () => 'x.y.z');
    for (const body of [
      '[]',
      '"text"',
      '{}',
      '{"credential_configuration_id":42,"proofs":{"jwt":["a"]}}',
      '{"credential_configuration_id":"employee_badge","credential_identifier":"employee_badge"}',
      '{"credential_configuration_id":"employee_badge","proofs":{"jwt":[1]}}',
      '{"credential_configuration_id":"employee_badge","proofs":{"jwt":["not a jwt"]}}',
      JSON.stringify({ credential_configuration_id: 'employee_badge', proofs: { jwt: many } }),
      JSON.stringify({
        credential_configuration_id: 'employee_badge',
        proofs: { jwt: ['x'.repeat(20_000)] },
      }),
    ]) {
      expect({ body: body.slice(0, 80), status: await send(body) }).toEqual({
        body: body.slice(0, 80),
        status: 400,
      });
    }
    expect(await send('credential_configuration_id=x', 'application/x-www-form-urlencoded')).toBe(
      400,
    );
  });

  it('defers a configuration the policy holds back, then issues it from the deferred endpoint', async () => {
    const token = await accessTokenFor('identity_credential');
    const holder = await holderKey();
    const accepted = await credentialWithProof(token, holder, {
      credential_configuration_id: 'identity_credential',
    });
    expect(accepted.status).toBe(202);
    expect(Object.keys(accepted.body).sort()).toEqual(['interval', 'transaction_id']);
    expect(accepted.body.interval).toBe(5);
    expect(typeof accepted.body.transaction_id).toBe('string');
    const poll = (): ReturnType<typeof postJson> =>
      postJson(
        `${issuer}/api/vci/deferred_credential`,
        { transaction_id: accepted.body.transaction_id },
        { authorization: `Bearer ${token}` },
      );
    const released = await poll();
    expect(released.status).toBe(200);
    const credential = (released.body.credentials as { credential: string }[])[0]?.credential ?? '';
    const verified = await (await issuerVerifier(issuer)).verify(credential);
    expect(verified.payload).toMatchObject({
      given_name: 'Alice',
      family_name: 'Adams',
      birthdate: '1990-04-01',
      vct: 'urn:nestjs-oauth-server:identity_credential:1',
    });
    const again = await poll();
    expect(`${again.status} ${String(again.body.error)}`).toBe('400 invalid_transaction_id');
  });
});
