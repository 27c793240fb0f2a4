import { createHash } from 'node:crypto';
import {
  SignJWT,
  compactVerify,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  type JSONWebKeySet,
  type CryptoKey,
} from 'jose';
import { EngineHarness, ISSUER, PKCE_VERIFIER } from './harness';
import { form, obtainCode } from './flow-helpers';

interface OfferInfo {
  identifier: string;
  credentialOffer: string;
  preAuthorizedCode: string;
  issuerState?: string;
}

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

async function holderKey(): Promise<{ privateKey: CryptoKey; jwk: Record<string, unknown> }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)) } };
}

async function proof(
  holder: { privateKey: CryptoKey; jwk: Record<string, unknown> },
  nonce: string,
  overrides: { typ?: string; aud?: string } = {},
): Promise<string> {
  return new SignJWT({ nonce })
    .setProtectedHeader({
      alg: 'ES256',
      typ: overrides.typ ?? 'openid4vci-proof+jwt',
      jwk: holder.jwk,
    })
    .setAudience(overrides.aud ?? ISSUER)
    .setIssuedAt()
    .sign(holder.privateKey);
}

describe('/vci/* on the engine', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create();
  });
  afterAll(async () => engine.close());

  async function offer(extra: Record<string, unknown> = {}): Promise<OfferInfo> {
    const created = await engine.call('/vci/offer/create', {
      credentialConfigurationIds: ['employee_badge'],
      preAuthorizedCodeGrantIncluded: true,
      subject: '1001',
      ...extra,
    });
    expect(created.body.action).toBe('CREATED');
    return created.body.info as OfferInfo;
  }

  async function redeem(code: string, txCode?: string): Promise<Record<string, unknown>> {
    const params: Record<string, string> = {
      grant_type: PRE_AUTH,
      'pre-authorized_code': code,
      client_id: 'demo-wallet',
    };
    if (txCode !== undefined) params.tx_code = txCode;
    return (await engine.call('/auth/token', { parameters: form(params) })).body;
  }

  /** `/auth/authorization` for demo-wallet with PKCE and `extra` parameters. */
  function walletAuthorization(extra: Record<string, string>) {
    return engine.call('/auth/authorization', {
      parameters: form({
        response_type: 'code',
        client_id: 'demo-wallet',
        redirect_uri: 'http://localhost:3000/wallet/callback',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
        ...extra,
      }),
    });
  }

  async function nonce(): Promise<string> {
    const answer = await engine.call('/vci/nonce', {});
    expect(answer.body.action).toBe('OK');
    return answer.body.cnonce as string;
  }

  it('publishes metadata linking its endpoints and configurations', async () => {
    const answer = await engine.call('/vci/metadata', {});
    const metadata = JSON.parse(answer.body.responseContent as string) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      credential_issuer: ISSUER,
      credential_endpoint: `${ISSUER}/api/vci/credential`,
      nonce_endpoint: `${ISSUER}/api/vci/nonce`,
      deferred_credential_endpoint: `${ISSUER}/api/vci/deferred_credential`,
    });
    expect(Object.keys(metadata.credential_configurations_supported as object)).toEqual([
      'employee_badge',
      'identity_credential',
    ]);
    const jwtIssuer = await engine.call('/vci/jwtissuer', {});
    expect(JSON.parse(jwtIssuer.body.responseContent as string)).toEqual({
      issuer: ISSUER,
      jwks_uri: `${ISSUER}/api/vci/jwks`,
    });
  });

  it('offer → pre-authorized code → nonce → proof → an SD-JWT VC bound to the proof key', async () => {
    const info = await offer({ txCode: '4711' });
    const document = JSON.parse(info.credentialOffer) as Record<string, unknown>;
    expect(document).toEqual({
      credential_issuer: ISSUER,
      credential_configuration_ids: ['employee_badge'],
      grants: {
        [PRE_AUTH]: {
          'pre-authorized_code': info.preAuthorizedCode,
          tx_code: { length: 4, input_mode: 'numeric' },
        },
      },
    });
    expect((await redeem(info.preAuthorizedCode, '0000')).action).toBe('BAD_REQUEST');
    const token = await redeem(info.preAuthorizedCode, '4711');
    expect(token.action).toBe('OK');
    expect(
      (JSON.parse(token.responseContent as string) as { authorization_details: unknown })
        .authorization_details,
    ).toEqual([
      {
        type: 'openid_credential',
        credential_configuration_id: 'employee_badge',
        credential_identifiers: ['employee_badge'],
      },
    ]);
    expect((await redeem(info.preAuthorizedCode, '4711')).action).toBe('BAD_REQUEST');
    const accessToken = token.accessToken as string;
    const holder = await holderKey();
    const parsed = await engine.call('/vci/single/parse', {
      accessToken,
      requestContent: JSON.stringify({
        credential_identifier: 'employee_badge',
        proofs: { jwt: [await proof(holder, await nonce())] },
      }),
    });
    expect(parsed.body.action).toBe('OK');
    const requestInfo = parsed.body.info as { bindingKey: string; identifier: string };
    expect(JSON.parse(requestInfo.bindingKey)).toEqual(holder.jwk);
    const issued = await engine.call('/vci/single/issue', {
      accessToken,
      order: {
        requestIdentifier: requestInfo.identifier,
        credentialPayload: JSON.stringify({
          name: 'Alice Adams',
          email: 'alice@example.com',
          department: 'Engineering',
        }),
      },
    });
    expect(issued.body.action).toBe('OK');
    const { credentials } = JSON.parse(issued.body.responseContent as string) as {
      credentials: { credential: string }[];
    };
    const [jwt = '', ...disclosures] = credentials[0]?.credential.split('~') ?? [];
    expect(disclosures.pop()).toBe('');
    const jwks = JSON.parse(
      (await engine.call('/vci/jwks', {})).body.responseContent as string,
    ) as JSONWebKeySet;
    const verified = await compactVerify(jwt, createLocalJWKSet(jwks));
    expect(verified.protectedHeader).toMatchObject({ alg: 'ES256', typ: 'dc+sd-jwt' });
    const payload = JSON.parse(new TextDecoder().decode(verified.payload)) as Record<
      string,
      unknown
    >;
    expect(payload).toMatchObject({
      iss: ISSUER,
      vct: 'urn:nestjs-oauth-server:employee_badge:1',
      cnf: { jwk: holder.jwk },
      _sd_alg: 'sha-256',
    });
    const digests = disclosures.map((each) =>
      createHash('sha256').update(each).digest('base64url'),
    );
    expect([...(payload._sd as string[])].sort()).toEqual([...digests].sort());
    const named = disclosures.map(
      (each) => JSON.parse(Buffer.from(each, 'base64url').toString()) as unknown[],
    );
    expect(named.map((each) => each[1]).sort()).toEqual(['department', 'email', 'name']);
  });

  it('refuses bad proofs and unauthorized configurations with the OID4VCI error', async () => {
    const token = await redeem((await offer()).preAuthorizedCode);
    const accessToken = token.accessToken as string;
    const holder = await holderKey();
    const parse = async (request: object): Promise<string> => {
      const answer = await engine.call('/vci/single/parse', {
        accessToken,
        requestContent: JSON.stringify(request),
      });
      const content = JSON.parse(answer.body.responseContent as string) as { error: string };
      return `${String(answer.body.action)} ${content.error}`;
    };
    const fresh = await nonce();
    expect(await parse({ credential_configuration_id: 'employee_badge' })).toBe(
      'BAD_REQUEST invalid_proof',
    );
    expect(
      await parse({
        credential_configuration_id: 'employee_badge',
        proofs: { jwt: [await proof(holder, 'foreign')] },
      }),
    ).toBe('BAD_REQUEST invalid_nonce');
    expect(
      await parse({
        credential_configuration_id: 'employee_badge',
        proofs: { jwt: [await proof(holder, fresh, { typ: 'JWT' })] },
      }),
    ).toBe('BAD_REQUEST invalid_proof');
    expect(
      await parse({
        credential_configuration_id: 'employee_badge',
        proofs: { jwt: [await proof(holder, fresh, { aud: 'https://other.example' })] },
      }),
    ).toBe('BAD_REQUEST invalid_proof');
    expect(
      await parse({
        credential_configuration_id: 'nope',
        proofs: { jwt: [await proof(holder, fresh)] },
      }),
    ).toBe('BAD_REQUEST unknown_credential_configuration');
    expect(
      await parse({
        credential_configuration_id: 'identity_credential',
        proofs: { jwt: [await proof(holder, fresh)] },
      }),
    ).toBe('BAD_REQUEST invalid_credential_request');
    engine.advance(301);
    expect(
      await parse({
        credential_configuration_id: 'employee_badge',
        proofs: { jwt: [await proof(holder, fresh)] },
      }),
    ).toBe('BAD_REQUEST invalid_nonce');
  });

  it('carries openid_credential authorization_details from the request to the token and introspection', async () => {
    const details = JSON.stringify([
      { type: 'openid_credential', credential_configuration_id: 'employee_badge' },
    ]);
    const redirect = 'http://localhost:3000/wallet/callback';
    const { code, authorization } = await obtainCode(engine, {
      client_id: 'demo-wallet',
      redirect_uri: redirect,
      scope: 'openid',
      authorization_details: details,
    });
    expect(authorization.body.authorizationDetails).toEqual({
      elements: [{ type: 'openid_credential', credential_configuration_id: 'employee_badge' }],
    });
    const token = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirect,
        code_verifier: PKCE_VERIFIER,
        client_id: 'demo-wallet',
      }),
    });
    const granted = [
      {
        type: 'openid_credential',
        credential_configuration_id: 'employee_badge',
        credential_identifiers: ['employee_badge'],
      },
    ];
    expect(
      (JSON.parse(token.body.responseContent as string) as { authorization_details: unknown })
        .authorization_details,
    ).toEqual(granted);
    const introspection = await engine.call('/auth/introspection', {
      token: token.body.accessToken,
    });
    expect(introspection.body.authorizationDetails).toEqual({ elements: granted });
    const refused = await walletAuthorization({
      authorization_details: '[{"type":"openid_credential","credential_configuration_id":"nope"}]',
    });
    expect(refused.body.responseContent).toContain('error=invalid_authorization_details');
  });

  it('reports the offer an issuer_state names as credentialOfferInfo and requests its configurations', async () => {
    const info = await offer({ authorizationCodeGrantIncluded: true, issuerStateIncluded: true });
    expect(info.issuerState).toEqual(expect.any(String));
    const redirect = 'http://localhost:3000/wallet/callback';
    const { authorization } = await obtainCode(engine, {
      client_id: 'demo-wallet',
      redirect_uri: redirect,
      scope: 'openid',
      issuer_state: info.issuerState ?? '',
    });
    expect(authorization.body.credentialOfferInfo).toMatchObject({
      identifier: info.identifier,
      issuerState: info.issuerState,
      credentialConfigurationIds: ['employee_badge'],
    });
    expect(authorization.body.authorizationDetails).toEqual({
      elements: [{ type: 'openid_credential', credential_configuration_id: 'employee_badge' }],
    });
    const unknown = await walletAuthorization({ issuer_state: 'no-such-offer' });
    expect(unknown.body.action).toBe('LOCATION');
    expect(unknown.body.responseContent).toContain('error=invalid_request');
  });

  it('answers CALLER_ERROR for a malformed offer and INTERNAL_SERVER_ERROR for a malformed parse call', async () => {
    expect(
      (
        await engine.call('/vci/offer/create', {
          credentialConfigurationIds: ['nope'],
          preAuthorizedCodeGrantIncluded: true,
          subject: '1',
        })
      ).body.action,
    ).toBe('CALLER_ERROR');
    expect(
      (
        await engine.call('/vci/offer/create', {
          credentialConfigurationIds: ['employee_badge'],
          preAuthorizedCodeGrantIncluded: true,
        })
      ).body.action,
    ).toBe('CALLER_ERROR');
    expect((await engine.call('/vci/single/parse', { requestContent: '{}' })).body.action).toBe(
      'INTERNAL_SERVER_ERROR',
    );
    expect(
      (
        await engine.call('/vci/single/issue', {
          accessToken: 'x',
          order: { requestIdentifier: 'nope' },
        })
      ).body.action,
    ).toBe('CALLER_ERROR');
    expect((await engine.call('/vci/offer/info', { identifier: 'nope' })).body.action).toBe(
      'NOT_FOUND',
    );
  });
});

describe('/vci/* with Verifiable Credentials disabled', () => {
  let engine: EngineHarness;
  beforeAll(async () => {
    engine = await EngineHarness.create((config) => {
      config.service.verifiableCredentialsEnabled = false;
    });
  });
  afterAll(async () => engine.close());

  it.each([
    ['/vci/metadata', {}, 'NOT_FOUND'],
    ['/vci/jwtissuer', {}, 'NOT_FOUND'],
    ['/vci/jwks', {}, 'NOT_FOUND'],
    ['/vci/nonce', {}, 'NOT_FOUND'],
    ['/vci/offer/create', { credentialConfigurationIds: ['employee_badge'] }, 'FORBIDDEN'],
    ['/vci/offer/info', { identifier: 'x' }, 'FORBIDDEN'],
    ['/vci/single/parse', { accessToken: 'x', requestContent: '{}' }, 'FORBIDDEN'],
    ['/vci/single/issue', { accessToken: 'x', order: { requestIdentifier: 'x' } }, 'FORBIDDEN'],
    ['/vci/deferred/parse', { accessToken: 'x', requestContent: '{}' }, 'FORBIDDEN'],
    ['/vci/deferred/issue', { order: { requestIdentifier: 'x' } }, 'FORBIDDEN'],
  ])('%s answers %s', async (path, body, action) => {
    expect((await engine.call(path, body)).body.action).toBe(action);
  });
});
