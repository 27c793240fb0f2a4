import { createHash, randomBytes } from 'node:crypto';
import { type HttpAnswer, basicAuth, formHeaders, send } from '../lib/http-client';
import type { CookieJar } from '../../test/support/cookie-jar';
import { type HtmlForm, parseForms } from './html-form';

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
  /** Pages shown: `login`, `consent` or `page`. */
  pages: string[];
  /** The token response body. */
  tokenResponse?: string;
}

const MAX_STEPS = 8;

/** A flow that did not reach a token, with the step that broke it. */
export class FlowError extends Error {}

function header(answer: HttpAnswer, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function pageKind(form: HtmlForm): string {
  if (form.inputNames.has('password')) return 'login';
  if (form.buttons.some(([name, value]) => name === 'decision' && value === 'approve')) {
    return 'consent';
  }
  return 'page';
}

function submission(form: HtmlForm, options: CodeFlowOptions): string {
  const body = new URLSearchParams(form.fields);
  if (form.inputNames.has('password')) {
    body.set('username', options.username);
    body.set('password', options.password);
  }
  // Press "approve" when offered, else the first button that does not cancel (e.g. "login").
  const button =
    form.buttons.find(([name, value]) => name === 'decision' && value === 'approve') ??
    form.buttons.find(([, value]) => value !== 'deny' && value !== 'cancel');
  if (button) body.set(...button);
  return body.toString();
}

function pickForm(html: string, status: number): HtmlForm {
  const forms = parseForms(html);
  const form = forms.find((candidate) => pageKind(candidate) !== 'page') ?? forms[0];
  if (!form) throw new FlowError(`HTTP ${status} page without a form: ${html.slice(0, 200)}`);
  return form;
}

/**
 * One authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) the way a browser and an RP
 * drive it: authorization request → login form (`username`/`password`) → consent
 * (`decision=approve`) → redirect with the code → token request with the verifier. It follows
 * whatever pages the server shows, so it works with or without an existing login session.
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
  const outcome: FlowOutcome = { requests: 0, pages: [] };
  const call = async (url: string, method: 'GET' | 'POST', body?: string): Promise<HttpAnswer> => {
    outcome.requests += 1;
    const cookie = jar.header();
    const headers = method === 'POST' ? formHeaders() : {};
    const answer = await send(url, method, cookie ? { ...headers, cookie } : headers, body);
    jar.store(answer.headers['set-cookie']);
    return answer;
  };
  let answer = await call(`${baseUrl}/api/authorization?${query.toString()}`, 'GET');
  let current = `${baseUrl}/api/authorization`;
  for (let step = 0; step < MAX_STEPS; step += 1) {
    const location = header(answer, 'location');
    if (answer.status >= 300 && answer.status < 400 && location) {
      const target = new URL(location, current);
      if (target.href.startsWith(options.redirectUri)) {
        return exchange(baseUrl, target, state, verifier, options, outcome);
      }
      current = target.href;
      answer = await call(current, 'GET');
      continue;
    }
    if (answer.status !== 200) {
      throw new FlowError(`HTTP ${answer.status} at ${current}: ${answer.body.slice(0, 300)}`);
    }
    const form = pickForm(answer.body, answer.status);
    outcome.pages.push(pageKind(form));
    current = new URL(form.action || current, current).href;
    answer = await call(current, form.method, submission(form, options));
  }
  throw new FlowError(`no redirect to ${options.redirectUri} after ${MAX_STEPS} steps`);
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
