import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { importJWK, type JWK, SignJWT } from 'jose';
import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { startLocalTarget } from './support/local-target';
import { connect, insecure, type Op, postForm, basic } from './support/op';
import type { ConformanceTarget } from './support/target';

const ANY_STRING: unknown = expect.any(String);

const EXCHANGE = { clientId: 'demo-exchange', secret: 'demo-exchange-secret' };
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
const DEMO_ISSUER_KEY = JSON.parse(
  readFileSync('config/demo-assertion-issuer.PRIVATE-DEMO-ONLY.jwk.json', 'utf8'),
) as JWK;

/**
 * RFC 8693 token exchange and RFC 7523 JWT bearer, driven by independent client libraries
 * (oauth4webapi's generic grant, openid-client's genericGrantRequest). No OIDF plan covers these
 * grants; the demo clients and the demo trusted issuer exist offline only.
 */
describe('[no OIDF module, RFC 8693, RFC 7523] extension grants with independent clients (local)', () => {
  let target: ConformanceTarget;
  let op: Op;
  beforeAll(async () => {
    target = await startLocalTarget();
    op = await connect(target);
  });
  afterAll(async () => {
    await target?.close();
  });

  async function alicesToken(): Promise<string> {
    const rp = target.passwordClient!;
    const answer = await postForm(
      op.as.token_endpoint!,
      { grant_type: 'password', username: 'alice', password: 'alice-password', scope: 'read' },
      { authorization: basic(rp.clientId, rp.clientSecret) },
    );
    return answer.json!.access_token as string;
  }

  it('[no OIDF module, RFC 8693 §2.1, §2.2.1] oauth4webapi exchanges a user access token for an audience-restricted one; introspection shows the same subject and the exchanging client', async () => {
    const subjectToken = await alicesToken();
    const rp: oauth.Client = { client_id: EXCHANGE.clientId };
    const response = await oauth.genericTokenEndpointRequest(
      op.as,
      rp,
      oauth.ClientSecretBasic(EXCHANGE.secret),
      'urn:ietf:params:oauth:grant-type:token-exchange',
      {
        subject_token: subjectToken,
        subject_token_type: ACCESS_TOKEN_TYPE,
        audience: 'https://orders.example.com/api',
        scope: 'read',
      },
      insecure,
    );
    const tokens = await oauth.processGenericTokenEndpointResponse(op.as, rp, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.issued_token_type).toBe(ACCESS_TOKEN_TYPE);
    expect(tokens.scope).toBe('read');
    const rs = target.resourceServer!;
    const info = await postForm(
      op.as.introspection_endpoint!,
      { token: tokens.access_token },
      { authorization: basic(rs.id, rs.secret) },
    );
    expect(info.json).toMatchObject({
      active: true,
      sub: target.user.subject,
      client_id: EXCHANGE.clientId,
      aud: ['https://orders.example.com/api'],
    });
  });

  it('[no OIDF module, RFC 8693 §2.2.2] oauth4webapi sees invalid_request for a subject token this server never issued', async () => {
    const rp: oauth.Client = { client_id: EXCHANGE.clientId };
    const response = await oauth.genericTokenEndpointRequest(
      op.as,
      rp,
      oauth.ClientSecretBasic(EXCHANGE.secret),
      'urn:ietf:params:oauth:grant-type:token-exchange',
      { subject_token: 'forged', subject_token_type: ACCESS_TOKEN_TYPE },
      insecure,
    );
    await expect(
      oauth.processGenericTokenEndpointResponse(op.as, rp, response),
    ).rejects.toMatchObject({
      error: 'invalid_request',
      status: 400,
    });
  });

  it('[no OIDF module, RFC 7523 §2.1, §3] openid-client redeems an assertion of the trusted demo issuer once; the replay is invalid_grant', async () => {
    const config = await client.discovery(
      new URL(target.issuer),
      EXCHANGE.clientId,
      EXCHANGE.secret,
      undefined,
      { execute: [client.allowInsecureRequests] },
    );
    const now = Math.floor(Date.now() / 1000);
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: DEMO_ISSUER_KEY.kid })
      .setIssuer('https://demo-assertion-issuer.example')
      .setSubject(target.user.subject!)
      .setAudience(op.as.token_endpoint!)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(await importJWK(DEMO_ISSUER_KEY, 'ES256'));
    const grant = () =>
      client.genericGrantRequest(config, 'urn:ietf:params:oauth:grant-type:jwt-bearer', {
        assertion,
        scope: 'read',
      });
    const tokens = await grant();
    expect(tokens.access_token).toEqual(ANY_STRING);
    expect(tokens.expiresIn()).toBeGreaterThan(0);
    await expect(grant()).rejects.toMatchObject({ error: 'invalid_grant' });
  });
});
