import { setTimeout as sleep } from 'node:timers/promises';
import * as oauth from 'oauth4webapi';
import {
  authorize,
  basic,
  Browser,
  callbackParams,
  codeFlow,
  type CodeFlowResult,
  connect,
  insecure,
  type Op,
  postForm,
  prepare,
} from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/** The suite's only wait: long enough for max_age=1 and the one-second lifetimes below to pass. */
const WAIT_MS = 2000;

/**
 * Everything that needs time to pass, sharing one 2-second wait: oidcc-max-age-1 and the second
 * half of oidcc-prompt-login (auth_time later), and, on the local variant whose engine gets
 * one-second lifetimes, the expiry modules fapi2-security-profile-final-ensure-token-endpoint-fails-with-expired-auth-code,
 * fapi2-security-profile-final-par-attempt-to-use-expired-request_uri and an expired access token
 * at userinfo (RFC 6750 §3.1 invalid_token).
 */
describe.each(
  variants({
    service: { authorizationCodeDuration: 1, pushedAuthReqDuration: 1, accessTokenDuration: 1 },
  }),
)('timing: max_age and expiry ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  let browser: Browser;
  let first: CodeFlowResult;
  let unusedCode: { callback: URLSearchParams; verifier: string } | undefined;
  let requestUri: string | undefined;

  beforeAll(async () => {
    op = await connect(target());
    browser = new Browser(target().issuer);
    first = await codeFlow(op, { browser, extra: { max_age: '15000' }, maxAge: 15000 });
    if (variant.local) {
      const rp = target().confidential;
      const prepared = await prepare(rp.clientId, rp.redirectUri);
      const params = callbackParams(await authorize(op, prepared.params, { browser }));
      unusedCode = { callback: params, verifier: prepared.verifier };
      const pushed = await postForm(
        op.as.pushed_authorization_request_endpoint!,
        (await prepare(rp.clientId, rp.redirectUri)).params,
        { authorization: basic(rp.clientId, rp.clientSecret) },
      );
      requestUri = pushed.json?.request_uri as string;
    }
    await sleep(WAIT_MS);
  });

  it('[oidcc-max-age-1] max_age=1 after 2 s forces a new login and returns a later auth_time (CheckIdTokenAuthTimeClaimPresentDueToMaxAge)', async () => {
    const second = await codeFlow(op, { browser, extra: { max_age: '1' }, maxAge: 1 });
    expect(second.outcome.pages.map((page) => page.kind)).toContain('login');
    expect(typeof second.idToken.auth_time).toBe('number');
    expect(second.idToken.auth_time!).toBeGreaterThan(first.idToken.auth_time!);
    expect(second.idToken.sub).toBe(first.idToken.sub);
  });

  it('[oidcc-prompt-login] after a wait, prompt=login yields an auth_time later than the first login (CheckSecondIdTokenAuthTimeIsLaterIfPresent)', async () => {
    const again = await codeFlow(op, { browser, extra: { prompt: 'login' } });
    expect(again.outcome.pages.map((page) => page.kind)).toContain('login');
    expect(again.idToken.auth_time!).toBeGreaterThan(first.idToken.auth_time!);
  });

  withCapability(
    variant,
    'engineConfig',
    'the expiry checks (they need one-second lifetimes)',
    () => {
      it('[fapi2-security-profile-final-ensure-token-endpoint-fails-with-expired-auth-code] an expired code gets 400 invalid_grant', async () => {
        const rp = target().confidential;
        const response = await oauth.authorizationCodeGrantRequest(
          op.as,
          { client_id: rp.clientId },
          oauth.ClientSecretBasic(rp.clientSecret),
          oauth.validateAuthResponse(
            op.as,
            { client_id: rp.clientId },
            unusedCode!.callback,
            oauth.skipStateCheck,
          ),
          rp.redirectUri,
          unusedCode!.verifier,
          insecure,
        );
        expect(response.status).toBe(400);
        expect(((await response.json()) as { error: string }).error).toBe('invalid_grant');
      });

      it('[fapi2-security-profile-final-par-attempt-to-use-expired-request_uri] an expired request_uri is refused, no code issued', async () => {
        expect(requestUri).toMatch(/^urn:ietf:params:oauth:request_uri:/);
        const outcome = await authorize(
          op,
          { client_id: target().confidential.clientId, request_uri: requestUri! },
          { browser },
        );
        if (outcome.kind === 'redirect') {
          expect(['invalid_request_uri', 'invalid_request']).toContain(outcome.params.get('error'));
          expect(outcome.params.has('code')).toBe(false);
        } else {
          expect(outcome.kind).toBe('error');
          if (outcome.kind === 'error') expect(outcome.status).toBe(400);
        }
      });

      it('[oidcc-userinfo-get, RFC 6750 §3.1] an expired access token gets 401 with error="invalid_token"', async () => {
        const response = await fetch(op.as.userinfo_endpoint!, {
          headers: { authorization: `Bearer ${first.tokens.access_token}` },
        });
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer .*error="invalid_token"/);
      });
    },
  );
});
