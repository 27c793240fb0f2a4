import { createHash, randomBytes } from 'node:crypto';
import { basicAuth, formHeaders, send } from '../lib/http-client';
import { Browser } from '../../test/support/browser';
import type { CookieJar } from '../../test/support/cookie-jar';
import { undiciTransport } from './undici-transport';

/** The client, user and scope a flow uses (demo data from config/). */
export interface CodeFlowOptions {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  scope: string;
  username: string;
  password: string;
  /** Extra authorization request parameters, e.g. `prompt=consent`. */
  extra?: Record<string, string>;
}

/** How one completed flow went. */
export interface FlowOutcome {
  /** HTTP requests the flow needed, token request included. */
  requests: number;
  /** Pages shown: `login`, `consent` or `other`. */
  pages: string[];
  /** The token response body. */
  tokenResponse?: string;
}

/** A flow that did not reach a token, with the step that broke it. */
export class FlowError extends Error {}

/**
 * One authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) the way a browser and an RP
 * drive it: the shared test {@link Browser} plays the authorization request through whatever
 * pages the server shows (login, consent, or none when already signed in) over the bench's
 * undici pools, then the RP redeems the code with the verifier.
 */
export async function runCodeFlow(
  baseUrl: string,
  jar: CookieJar,
  options: CodeFlowOptions,
): Promise<FlowOutcome> {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(12).toString('base64url');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope,
    state,
    nonce: randomBytes(12).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    ...options.extra,
  });
  const browser = new Browser(baseUrl, jar, undiciTransport);
  const user = { username: options.username, password: options.password };
  const result = await browser.authorize(`${baseUrl}/api/authorization`, query, { user });
  const outcome: FlowOutcome = {
    requests: result.requests,
    pages: result.pages.map((page) => page.kind),
  };
  if (result.kind !== 'redirect') {
    const detail =
      result.kind === 'error' ? `HTTP ${result.status}: ${result.body.slice(0, 300)}` : '';
    throw new FlowError(`authorization ended as ${result.kind} ${detail}`);
  }
  return exchange(baseUrl, result.location, state, verifier, options, outcome);
}

async function exchange(
  baseUrl: string,
  redirect: URL,
  state: string,
  verifier: string,
  options: CodeFlowOptions,
  outcome: FlowOutcome,
): Promise<FlowOutcome> {
  const code = redirect.searchParams.get('code');
  if (redirect.searchParams.get('state') !== state) {
    throw new FlowError('state mismatch in the redirect');
  }
  if (!code) throw new FlowError(`redirect without a code: ${redirect.search}`);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: options.redirectUri,
    code_verifier: verifier,
  });
  outcome.requests += 1;
  const token = await send(
    `${baseUrl}/api/token`,
    'POST',
    formHeaders({ authorization: basicAuth(options.clientId, options.clientSecret) }),
    body.toString(),
  );
  if (token.status !== 200 || !token.body.includes('"access_token"')) {
    throw new FlowError(`token request: HTTP ${token.status} ${token.body.slice(0, 300)}`);
  }
  outcome.tokenResponse = token.body;
  return outcome;
}
