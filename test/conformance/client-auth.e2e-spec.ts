import { randomUUID } from 'node:crypto';
import * as oauth from 'oauth4webapi';
import { importJWK } from 'jose';
import { basic, clientAssertion, connect, insecure, type Op, postForm } from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Client authentication at the token endpoint (RFC 6749 §2.3, §5.2; OIDC Core §9; RFC 7523 §3):
 * oidcc-server (client_secret_basic), oidcc-server-client-secret-post,
 * oidcc-ensure-client-assertion-with-iss-aud-succeeds and the FAPI2 client-assertion modules
 * fapi2-security-profile-final-ensure-client-assertion-in-token-endpoint,
 * -ensure-client-assertion-with-wrong-aud-fails, -ensure-client-assertion-with-exp-is-5-minutes-in-past-fails,
 * -ensure-client-assertion-with-no-sub-fails, -par-ensure-jwt-client-assertions-nbf-over-60-seconds-in-the-future-fails.
 */
describe.each(variants())('client authentication ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  function token(form: Record<string, string>, headers: Record<string, string> = {}) {
    return postForm(op.as.token_endpoint!, form, headers);
  }

  /**
   * invalid_client: 401 with a Basic challenge when the client used the Authorization header,
   * otherwise 400 or 401 (RFC 6749 §5.2; CheckTokenEndpointHttpStatusIs400Allowing401ForInvalidClientError).
   */
  function expectInvalidClient(
    response: Awaited<ReturnType<typeof token>>,
    viaHeader: boolean,
  ): void {
    expect(response.json?.error).toBe('invalid_client');
    expect(response.json).not.toHaveProperty('access_token');
    if (viaHeader) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic\b/i);
    } else expect([400, 401]).toContain(response.status);
  }

  withCapability(variant, 'specialSecretClient', 'the percent-encoded secret checks', () => {
    it('[oidcc-server, client_secret_basic] a secret with ":/+&%=" works when form-URL-encoded in Basic (RFC 6749 §2.3.1)', async () => {
      const rp = target().specialSecretClient!;
      const response = await token(
        { grant_type: 'client_credentials' },
        { authorization: basic(rp.clientId, rp.clientSecret) },
      );
      expect(response.status).toBe(200);
      expect(response.json?.access_token).toEqual(expect.any(String));
    });

    it('[oidcc-server, client_secret_basic] oauth4webapi ClientSecretBasic authenticates the special-secret client', async () => {
      const rp = target().specialSecretClient!;
      const client = { client_id: rp.clientId };
      const response = await oauth.clientCredentialsGrantRequest(
        op.as,
        client,
        oauth.ClientSecretBasic(rp.clientSecret),
        {},
        insecure,
      );
      const tokens = await oauth.processClientCredentialsResponse(op.as, client, response);
      expect(tokens.access_token).toEqual(expect.any(String));
    });

    it('[oidcc-server-client-secret-post] the special secret works with client_secret_post', async () => {
      const rp = target().specialSecretClient!;
      const response = await token({
        grant_type: 'client_credentials',
        client_id: rp.clientId,
        client_secret: rp.clientSecret,
      });
      expect(response.status).toBe(200);
    });

    it('[oidcc-server, client_secret_basic] the same secret sent without form-encoding is not accepted as-is', async () => {
      const rp = target().specialSecretClient!;
      const raw = `Basic ${Buffer.from(`${rp.clientId}:${rp.clientSecret}`).toString('base64')}`;
      const response = await token({ grant_type: 'client_credentials' }, { authorization: raw });
      expect([400, 401]).toContain(response.status);
      expect(response.json).not.toHaveProperty('access_token');
    });
  });

  it('[oidcc-server, CheckTokenEndpointHttpStatusIs400Allowing401ForInvalidClientError] a wrong secret in Basic gets 401 invalid_client with a Basic challenge (RFC 6749 §5.2)', async () => {
    const rp = target().confidential;
    expectInvalidClient(
      await token(
        { grant_type: 'client_credentials' },
        { authorization: basic(rp.clientId, 'wrong') },
      ),
      true,
    );
  });

  it('[oidcc-server, CheckTokenEndpointHttpStatusIs400Allowing401ForInvalidClientError] an unknown client in Basic gets 401 invalid_client with a Basic challenge', async () => {
    expectInvalidClient(
      await token(
        { grant_type: 'client_credentials' },
        { authorization: basic('no-such-client', 'x') },
      ),
      true,
    );
  });

  it('[oidcc-server-client-secret-post] a wrong client_secret in the body gets invalid_client (400/401)', async () => {
    const rp = target().confidential;
    expectInvalidClient(
      await token({
        grant_type: 'authorization_code',
        code: 'x',
        client_id: rp.clientId,
        client_secret: 'wrong',
      }),
      false,
    );
  });

  it('[oidcc-server] a confidential client sending no credentials gets invalid_client (400/401)', async () => {
    const rp = target().confidential;
    expectInvalidClient(
      await token({ grant_type: 'authorization_code', code: 'x', client_id: rp.clientId }),
      false,
    );
  });

  it('[oidcc-server, RFC 6749 §2.3] two authentication methods in one request are refused (400 invalid_request or 401 invalid_client)', async () => {
    const rp = target().confidential;
    const response = await token(
      {
        grant_type: 'authorization_code',
        code: 'x',
        client_id: rp.clientId,
        client_secret: rp.clientSecret,
      },
      { authorization: basic(rp.clientId, rp.clientSecret) },
    );
    expect([400, 401]).toContain(response.status);
    expect(['invalid_request', 'invalid_client']).toContain(response.json?.error);
  });

  withCapability(variant, 'jwtClient', 'the private_key_jwt checks', () => {
    function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
      const id = target().jwtClient!.clientId;
      const now = Math.floor(Date.now() / 1000);
      return {
        iss: id,
        sub: id,
        aud: op.as.token_endpoint!,
        jti: randomUUID(),
        iat: now,
        exp: now + 60,
        ...overrides,
      };
    }

    async function withAssertion(assertionClaims: Record<string, unknown>) {
      const assertion = await clientAssertion(target(), assertionClaims);
      return token({
        grant_type: 'client_credentials',
        client_assertion_type: ASSERTION_TYPE,
        client_assertion: assertion,
      });
    }

    it('[fapi2-security-profile-final-ensure-client-assertion-in-token-endpoint] oauth4webapi PrivateKeyJwt authenticates the client', async () => {
      const rp = target().jwtClient!;
      const key = await importJWK(rp.privateJwk as Parameters<typeof importJWK>[0], rp.alg);
      const client = { client_id: rp.clientId };
      const response = await oauth.clientCredentialsGrantRequest(
        op.as,
        client,
        oauth.PrivateKeyJwt({
          key: key as oauth.CryptoKey,
          kid: rp.privateJwk.kid as string | undefined,
        }),
        {},
        insecure,
      );
      const tokens = await oauth.processClientCredentialsResponse(op.as, client, response);
      expect(tokens.access_token).toEqual(expect.any(String));
    });

    it('[oidcc-ensure-client-assertion-with-iss-aud-succeeds] an assertion whose aud is the issuer is accepted (RFC 7523 §3)', async () => {
      const response = await withAssertion(claims({ aud: target().issuer }));
      expect(response.status).toBe(200);
    });

    it('[fapi2-security-profile-final-ensure-client-assertion-with-wrong-aud-fails] an assertion for another audience gets invalid_client', async () => {
      expectInvalidClient(
        await withAssertion(claims({ aud: 'https://other.example.org/token' })),
        false,
      );
    });

    it('[fapi2-security-profile-final-ensure-client-assertion-in-token-endpoint, RFC 7523 §3 jti] a reused jti gets invalid_client', async () => {
      const reused = claims();
      expect((await withAssertion(reused)).status).toBe(200);
      expectInvalidClient(await withAssertion(reused), false);
    });

    it('[fapi2-security-profile-final-ensure-client-assertion-with-exp-is-5-minutes-in-past-fails] an expired assertion gets invalid_client', async () => {
      const now = Math.floor(Date.now() / 1000);
      expectInvalidClient(await withAssertion(claims({ iat: now - 600, exp: now - 300 })), false);
    });

    it('[fapi2-security-profile-final-ensure-client-assertion-with-no-sub-fails] an assertion without sub gets invalid_client', async () => {
      const { sub: _omitted, ...rest } = claims();
      expectInvalidClient(await withAssertion(rest), false);
    });

    it('[fapi2-security-profile-final-par-ensure-jwt-client-assertions-nbf-over-60-seconds-in-the-future-fails] an assertion valid only from 5 minutes ahead gets invalid_client', async () => {
      const now = Math.floor(Date.now() / 1000);
      expectInvalidClient(
        await withAssertion(claims({ iat: now + 300, nbf: now + 300, exp: now + 600 })),
        false,
      );
    });

    it('[fapi1-advanced-final-ensure-client-assertion-with-wrong-iss-fails] an assertion naming another client as iss/sub gets invalid_client', async () => {
      expectInvalidClient(await withAssertion(claims({ iss: 'demo-web', sub: 'demo-web' })), false);
    });

    it('[fapi2-security-profile-final-ensure-client-assertion-in-token-endpoint] a client_secret_basic attempt by a private_key_jwt client is refused', async () => {
      const rp = target().jwtClient!;
      expectInvalidClient(
        await token(
          { grant_type: 'client_credentials' },
          { authorization: basic(rp.clientId, 'guess') },
        ),
        true,
      );
    });
  });
});
