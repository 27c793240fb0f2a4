import { authorize, form } from './flow-helpers';
import { content, EngineHarness, PKCE_CHALLENGE, PKCE_VERIFIER, redirectParams } from './harness';

const REDIRECT = 'https://rp.example.com/cb';

describe('grant management (FAPI Grant Management; /gm, GMRequest/GMResponse)', () => {
  let engine: EngineHarness;
  let client: { id: string; secret: string };
  beforeAll(async () => {
    engine = await EngineHarness.create();
    const created = content(
      await engine.call('/client/registration', {
        json: JSON.stringify({
          redirect_uris: [REDIRECT],
          grant_types: ['authorization_code', 'client_credentials', 'refresh_token'],
        }),
      }),
    );
    client = { id: created.client_id as string, secret: created.client_secret as string };
  });
  afterAll(() => engine.close());

  const credentials = () => ({ clientId: client.id, clientSecret: client.secret });

  async function authorizeWith(extra: Record<string, string>, subject = 'alice') {
    const authorization = await authorize(engine, {
      response_type: 'code',
      client_id: client.id,
      redirect_uri: REDIRECT,
      scope: 'openid read',
      code_challenge: PKCE_CHALLENGE,
      code_challenge_method: 'S256',
      ...extra,
    });
    if (authorization.body.action !== 'INTERACTION') return { authorization };
    const issued = await engine.call('/auth/authorization/issue', {
      ticket: authorization.body.ticket,
      subject,
    });
    const code = redirectParams(issued.body.responseContent).get('code') ?? '';
    const token = await engine.call('/auth/token', {
      parameters: form({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT,
        code_verifier: PKCE_VERIFIER,
      }),
      ...credentials(),
    });
    return { authorization, token };
  }

  async function managementToken(scope: string): Promise<string> {
    const token = await engine.call('/auth/token', {
      parameters: form({ grant_type: 'client_credentials', scope }),
      ...credentials(),
    });
    return content(token).access_token as string;
  }

  const gm = (gmAction: string, grantId: string, accessToken?: string) =>
    engine.call('/gm', { gmAction, grantId, accessToken });

  it('create → grant_id in the token response; query (OK); merge adds scopes; revoke (NO_CONTENT) kills its tokens', async () => {
    const created = await authorizeWith({ grant_management_action: 'create' });
    const tokens = content(created.token!);
    const grantId = tokens.grant_id as string;
    expect(grantId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.token!.body.grantId).toBe(grantId);

    const query = await managementToken('grant_management_query');
    const read = await gm('QUERY', grantId, query);
    expect(read.body).toMatchObject({ action: 'OK', resultCode: 'A292001' });
    expect(JSON.parse(read.body.responseContent as string)).toEqual({
      scopes: [{ scope: 'openid read' }],
    });

    const merging = await authorizeWith({
      grant_management_action: 'merge',
      grant_id: grantId,
      scope: 'write',
    });
    expect(merging.authorization.body).toMatchObject({
      gmAction: 'MERGE',
      grantId,
      grantSubject: 'alice',
      grant: { scopes: [{ scope: 'openid read' }] },
    });
    expect(content(merging.token!).grant_id).toBe(grantId);
    expect(JSON.parse((await gm('QUERY', grantId, query)).body.responseContent as string)).toEqual({
      scopes: [{ scope: 'openid read write' }],
    });

    const revoked = await gm('REVOKE', grantId, await managementToken('grant_management_revoke'));
    expect(revoked.body).toEqual({
      resultCode: 'A292002',
      resultMessage: '[A292002] The grant has been revoked.',
      action: 'NO_CONTENT',
    });
    for (const issued of [tokens, content(merging.token!)]) {
      const introspected = await engine.call('/auth/introspection/standard', {
        parameters: form({ token: issued.access_token as string }),
      });
      expect(content(introspected)).toEqual({ active: false });
      const refreshed = await engine.call('/auth/token', {
        parameters: form({
          grant_type: 'refresh_token',
          refresh_token: issued.refresh_token as string,
        }),
        ...credentials(),
      });
      expect(refreshed.body.action).toBe('BAD_REQUEST');
    }
    expect((await gm('QUERY', grantId, query)).body.action).toBe('NOT_FOUND');
  });

  it('replace makes the new authorization the whole grant; another user cannot merge into it', async () => {
    const grantId = content(
      (await authorizeWith({ grant_management_action: 'create', scope: 'openid read write' }))
        .token!,
    ).grant_id as string;
    await authorizeWith({ grant_management_action: 'replace', grant_id: grantId, scope: 'read' });
    const query = await managementToken('grant_management_query');
    expect(JSON.parse((await gm('QUERY', grantId, query)).body.responseContent as string)).toEqual({
      scopes: [{ scope: 'read' }],
    });
    const bob = await authorizeWith(
      { grant_management_action: 'merge', grant_id: grantId, scope: 'write' },
      'bob',
    );
    expect(content(bob.token!)).not.toHaveProperty('grant_id');
    expect(JSON.parse((await gm('QUERY', grantId, query)).body.responseContent as string)).toEqual({
      scopes: [{ scope: 'read' }],
    });
  });

  it.each([
    [{ grant_management_action: 'merge', grant_id: 'unknown' }, 'invalid_grant_id'],
    [{ grant_management_action: 'merge' }, 'invalid_request'],
    [{ grant_management_action: 'create', grant_id: 'x' }, 'invalid_request'],
    [{ grant_management_action: 'update' }, 'invalid_request'],
    [{ grant_id: 'x' }, 'invalid_request'],
  ])('authorization request %j → LOCATION %s', async (extra, error) => {
    const { authorization } = await authorizeWith(extra);
    expect(authorization.body.action).toBe('LOCATION');
    expect(redirectParams(authorization.body.responseContent).get('error')).toBe(error);
  });

  it('another client cannot merge into the grant', async () => {
    const grantId = content((await authorizeWith({ grant_management_action: 'create' })).token!)
      .grant_id as string;
    const other = await authorize(engine, {
      response_type: 'code',
      client_id: 'demo-web',
      redirect_uri: 'http://localhost:3000/callback',
      scope: 'openid',
      grant_management_action: 'merge',
      grant_id: grantId,
      code_challenge: PKCE_CHALLENGE,
      code_challenge_method: 'S256',
    });
    expect(redirectParams(other.body.responseContent).get('error')).toBe('invalid_grant_id');
  });

  it('/gm: UNAUTHORIZED, FORBIDDEN and NOT_FOUND carry RFC 6750 challenges; a wrong call is CALLER_ERROR', async () => {
    const grantId = content((await authorizeWith({ grant_management_action: 'create' })).token!)
      .grant_id as string;
    const unauthorized = await gm('QUERY', grantId, 'nope');
    expect(unauthorized.body).toMatchObject({
      action: 'UNAUTHORIZED',
      responseContent: expect.stringMatching(/^Bearer error="invalid_token"/) as string,
    });
    const forbidden = await gm('REVOKE', grantId, await managementToken('grant_management_query'));
    expect(forbidden.body).toMatchObject({
      action: 'FORBIDDEN',
      responseContent: expect.stringContaining('scope="grant_management_revoke"') as string,
    });
    const missing = await gm('QUERY', 'nothing', await managementToken('grant_management_query'));
    expect(missing.body.action).toBe('NOT_FOUND');
    expect((await engine.call('/gm', { grantId })).body.action).toBe('CALLER_ERROR');
    expect((await engine.call('/gm', { gmAction: 'QUERY' })).body.action).toBe('CALLER_ERROR');
  });

  it('discovery advertises the grant management endpoint and actions', async () => {
    const discovery = await engine.call('/service/configuration');
    expect(discovery.body).toMatchObject({
      grant_management_endpoint: 'http://localhost:8080/api/gm',
      grant_management_actions_supported: ['create', 'query', 'replace', 'revoke', 'merge'],
      grant_management_action_required: false,
    });
  });
});
