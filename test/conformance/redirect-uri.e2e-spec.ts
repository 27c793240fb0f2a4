import type { AuthorizationOutcome } from '../support/browser';
import { authorize, Browser, connect, type Op, prepare } from './support/op';
import { useTarget, variants, withCapability } from './support/variants';

/**
 * redirect_uri: oidcc-basic-certification-test-plan module oidcc-ensure-registered-redirect-uri;
 * oidcc-redirect-uri-query-added, oidcc-redirect-uri-query-mismatch, oidcc-redirect-uri-regfrag
 * and oidcc-ensure-redirect-uri-in-authorization-request (dynamic plan; here with static clients).
 * Each must answer 400 with an error page of the server and never redirect (RFC 6749 §3.1.2.4,
 * §4.1.2.1; OIDC Core §3.1.2.1: exact match).
 */
describe.each(variants())('oidcc-basic: redirect_uri ($name)', (variant) => {
  const target = useTarget(variant);
  let op: Op;
  beforeAll(async () => {
    op = await connect(target());
  });

  async function send(redirectUri: string | undefined, clientId = target().confidential.clientId) {
    const prepared = await prepare(clientId, redirectUri ?? '');
    const params = { ...prepared.params };
    if (redirectUri === undefined) delete params.redirect_uri;
    return authorize(op, params, { browser: new Browser(target().issuer) });
  }

  function expectErrorPageWithoutRedirect(outcome: AuthorizationOutcome): void {
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.status).toBe(400);
    expect(outcome.pages).toHaveLength(0);
  }

  it('[oidcc-ensure-registered-redirect-uri] an unregistered redirect_uri gets 400 and no redirect', async () => {
    expectErrorPageWithoutRedirect(await send('https://attacker.example.org/callback'));
  });

  it('[oidcc-redirect-uri-query-added] a query added to the registered redirect_uri gets 400 and no redirect', async () => {
    expectErrorPageWithoutRedirect(await send(`${target().confidential.redirectUri}?foo=bar`));
  });

  it('[oidcc-redirect-uri-query-mismatch] a redirect_uri differing only in the query gets 400 and no redirect', async () => {
    expectErrorPageWithoutRedirect(await send(`${target().confidential.redirectUri}?x=1&y=2`));
  });

  it('[oidcc-redirect-uri-regfrag] a redirect_uri with a fragment gets 400 and no redirect (RFC 6749 §3.1.2)', async () => {
    expectErrorPageWithoutRedirect(await send(`${target().confidential.redirectUri}#frag`));
  });

  it('[oidcc-ensure-registered-redirect-uri] the registered path on another host gets 400 and no redirect', async () => {
    const registered = new URL(target().confidential.redirectUri);
    registered.hostname = 'evil.example.org';
    expectErrorPageWithoutRedirect(await send(registered.href));
  });

  it('[oidcc-ensure-registered-redirect-uri] a redirect_uri extending the registered path gets 400 and no redirect', async () => {
    expectErrorPageWithoutRedirect(await send(`${target().confidential.redirectUri}/extra`));
  });

  withCapability(variant, 'otherRedirectUri', 'the missing-redirect_uri check', () => {
    it('[oidcc-ensure-redirect-uri-in-authorization-request] a missing redirect_uri when several are registered gets 400 and no redirect', async () => {
      expectErrorPageWithoutRedirect(await send(undefined));
    });
  });

  it('[oidcc-ensure-registered-redirect-uri] an unknown client_id gets 400 and no redirect (RFC 6749 §4.1.2.1)', async () => {
    expectErrorPageWithoutRedirect(await send(target().confidential.redirectUri, 'no-such-client'));
  });

  it('[oidcc-ensure-registered-redirect-uri] the error page is HTML or JSON and does not turn the bad URI into a link', async () => {
    const outcome = await send('https://attacker.example.org/callback');
    if (outcome.kind !== 'error') throw new Error(`expected an error page, got ${outcome.kind}`);
    expect(outcome.contentType).toMatch(/html|json/);
    expect(outcome.body).not.toMatch(/href="https:\/\/attacker\.example\.org/);
  });
});
