import * as oauth from 'oauth4webapi';
import {
  codeFlow,
  connect,
  insecure,
  type Op,
  postForm,
  basic,
  prepare,
  authorize,
  callbackParams,
  verifyWithJwks,
} from './support/op';
import { peek } from './support/jwt-checks';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * oidcc-discovery-endpoint-verification says what is advertised; these checks hold the server to
 * it: every advertised value behaves as advertised (OIDC Discovery §3, RFC 8414 §2). On the local
 * variant the demo clients exercise the pairwise subject type, ES256 ID tokens and signed userinfo.
 */
describe.each(variants())('oidcc-config: advertised values match behaviour ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  function advertised(member: string): string[] {
    return (op.metadata[member] as string[] | undefined) ?? [];
  }

  it('[oidcc-discovery-endpoint-verification, CheckDiscEndpointAllEndpointsAreHttps] endpoints use https except on a loopback issuer', () => {
    const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(
      new URL(target().issuer).hostname,
    );
    for (const [member, value] of Object.entries(op.metadata)) {
      if (typeof value !== 'string' || !/(_endpoint|_uri)$/.test(member) || member === 'issuer') {
        continue;
      }
      expect(new URL(value).protocol).toBe(loopback ? 'http:' : 'https:');
    }
  });

  it('[oidcc-display-page, display_values_supported] every advertised display value is accepted', async () => {
    for (const display of advertised('display_values_supported')) {
      const result = await codeFlow(op, { extra: { display } });
      expect(result.tokens.access_token).toEqual(expect.any(String));
    }
  });

  it('[oidcc-prompt-login, prompt_values_supported] prompt=consent shows the consent page again although consent was given', async () => {
    expect(advertised('prompt_values_supported')).toContain('consent');
    await codeFlow(op);
    const again = await codeFlow(op, { extra: { prompt: 'consent' } });
    expect(again.outcome.pages.map((page) => page.kind)).toContain('consent');
  });

  it('[oidcc-server, response_modes_supported] every advertised response mode works for response_type=code', async () => {
    for (const mode of advertised('response_modes_supported')) {
      const result = await codeFlow(op, { extra: { response_mode: mode } });
      const expected = mode === 'form_post' ? 'form_post' : 'redirect';
      expect(result.outcome.kind).toBe(expected);
      if (result.outcome.kind === 'redirect') expect(result.outcome.mode).toBe(mode);
    }
  });

  withCapability(variant, 'passwordClient', 'the password-grant check', () => {
    it('[oidcc-discovery-endpoint-verification, grant_types_supported] the advertised password grant issues tokens to a client registered for it', async () => {
      expect(advertised('grant_types_supported')).toContain('password');
      const rp = target().passwordClient!;
      const answer = await postForm(
        op.as.token_endpoint!,
        {
          grant_type: 'password',
          username: target().user.username,
          password: target().user.password,
          scope: 'openid',
        },
        { authorization: basic(rp.clientId, rp.clientSecret) },
      );
      expect(answer.status).toBe(200);
      expect(answer.json?.access_token).toEqual(expect.any(String));
    });
  });

  withCapability(
    variant,
    'engineConfig',
    'the demo-client checks (pairwise, ES256, signed userinfo)',
    () => {
      async function flowFor(
        clientId: string,
        secret: string,
        redirectUri: string,
        scope = 'openid',
      ) {
        const prepared = await prepare(clientId, redirectUri, { scope });
        const outcome = await authorize(op, prepared.params);
        const client = { client_id: clientId };
        const callback = oauth.validateAuthResponse(
          op.as,
          client,
          callbackParams(outcome),
          prepared.state,
        );
        const response = await oauth.authorizationCodeGrantRequest(
          op.as,
          client,
          oauth.ClientSecretBasic(secret),
          callback,
          redirectUri,
          prepared.verifier,
          insecure,
        );
        return oauth.processAuthorizationCodeResponse(op.as, client, response, {
          expectedNonce: prepared.nonce,
          requireIdToken: true,
        });
      }

      it('[oidcc-discovery-endpoint-verification, subject_types_supported pairwise] a pairwise client gets a different, stable sub (OIDC Core §8.1)', async () => {
        const publicSub = (await codeFlow(op)).idToken.sub;
        const first = await flowFor(
          'demo-pairwise',
          'demo-pairwise-secret',
          'http://localhost:3000/pairwise/callback',
        );
        const second = await flowFor(
          'demo-pairwise',
          'demo-pairwise-secret',
          'http://localhost:3000/pairwise/callback',
        );
        const sub = oauth.getValidatedIdTokenClaims(first)!.sub;
        expect(sub).not.toBe(publicSub);
        expect(oauth.getValidatedIdTokenClaims(second)!.sub).toBe(sub);
      });

      it('[oidcc-idtoken-signature, id_token_signing_alg_values_supported ES256] a client registered for ES256 gets an ES256 ID token that verifies against the JWKS', async () => {
        const tokens = await flowFor(
          'demo-signed',
          'demo-signed-secret',
          'http://localhost:3000/signed/callback',
        );
        expect(peek(tokens.id_token!).header.alg).toBe('ES256');
        expect((await verifyWithJwks(op, tokens.id_token!)).alg).toBe('ES256');
      });

      it('[oidcc-userinfo-get, userinfo_signing_alg_values_supported] a client registered for signed userinfo gets an RS256 JWT that verifies (OIDC Core §5.3.2)', async () => {
        const tokens = await flowFor(
          'demo-signed',
          'demo-signed-secret',
          'http://localhost:3000/signed/callback',
          'openid email',
        );
        const response = await fetch(op.as.userinfo_endpoint!, {
          headers: { authorization: `Bearer ${tokens.access_token}` },
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^application\/jwt/);
        const { payload, alg } = await verifyWithJwks(op, await response.text());
        expect(alg).toBe('RS256');
        expect(payload.sub).toBe(oauth.getValidatedIdTokenClaims(tokens)!.sub);
        expect([payload.aud].flat()).toContain('demo-signed');
        expect(typeof payload.email).toBe('string');
      });
    },
  );
});
