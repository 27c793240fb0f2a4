import * as oauth from 'oauth4webapi';
import { createRemoteJWKSet, importJWK, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { type AuthorizationOutcome, type AuthorizeOptions, Browser } from '../../support/browser';

export { Browser };
import type { ConfidentialClient, ConformanceTarget } from './target';

/** oauth4webapi option allowing plain http to a loopback issuer (the offline variant). */
export const insecure = { [oauth.allowInsecureRequests]: true } as const;

/** The parameters of one authorization request and the secrets the client keeps. */
export interface PreparedRequest {
  params: Record<string, string>;
  state: string;
  nonce: string;
  verifier: string;
}

/** A connected relying party: the validated discovery document and helpers around it. */
export interface Op {
  target: ConformanceTarget;
  as: oauth.AuthorizationServer;
  /** Raw discovery document as served. */
  metadata: Record<string, unknown>;
  browser: Browser;
}

/** Fetches and validates discovery with oauth4webapi (issuer must equal the URL base). */
export async function connect(target: ConformanceTarget): Promise<Op> {
  const issuer = new URL(target.issuer);
  const response = await oauth.discoveryRequest(issuer, { algorithm: 'oidc', ...insecure });
  const metadata = (await response.clone().json()) as Record<string, unknown>;
  const as = await oauth.processDiscoveryResponse(issuer, response);
  return { target, as, metadata, browser: new Browser(target.issuer) };
}

/** The oauth4webapi client record of the confidential client. */
export function confidentialClient(client: ConfidentialClient): oauth.Client {
  return { client_id: client.clientId };
}

/** Builds a code-flow request with fresh state, nonce and an S256 PKCE pair. */
export async function prepare(
  clientId: string,
  redirectUri: string,
  extra: Record<string, string> = {},
): Promise<PreparedRequest> {
  const state = oauth.generateRandomState();
  const nonce = oauth.generateRandomNonce();
  const verifier = oauth.generateRandomCodeVerifier();
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid',
    state,
    nonce,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...extra,
  };
  return { params, state, nonce, verifier };
}

/** Options of {@link authorize}: those of the browser, plus which browser (default the op's). */
export interface AuthorizeWith extends AuthorizeOptions {
  browser?: Browser;
}

/** Sends the request through a browser (default the op's), logging in as the target's user. */
export function authorize(
  op: Op,
  params: Record<string, string>,
  options: AuthorizeWith = {},
): Promise<AuthorizationOutcome> {
  return (options.browser ?? op.browser).authorize(op.as.authorization_endpoint!, params, {
    user: op.target.user,
    ...options,
  });
}

/** Callback parameters of a successful outcome, or a failure naming what happened. */
export function callbackParams(outcome: AuthorizationOutcome): URLSearchParams {
  if (outcome.kind === 'redirect' || outcome.kind === 'form_post') return outcome.params;
  const detail = outcome.kind === 'error' ? `${outcome.status} ${outcome.body.slice(0, 300)}` : '';
  throw new Error(`authorization did not reach the client: ${outcome.kind} ${detail}`);
}

/** Tokens from a completed code flow, validated by oauth4webapi. */
export interface CodeFlowResult {
  request: PreparedRequest;
  outcome: AuthorizationOutcome;
  callback: URLSearchParams;
  tokens: oauth.TokenEndpointResponse;
  idToken: oauth.IDToken;
}

/** Options of {@link codeFlow}. */
export interface CodeFlowOptions extends AuthorizeWith {
  extra?: Record<string, string>;
  auth?: 'basic' | 'post';
  maxAge?: number;
}

/**
 * The whole authorization code flow for the confidential client: authorize, validate the response
 * (state, iss) and redeem the code; the token response and ID token are validated by oauth4webapi
 * (iss, aud, azp, exp, iat, nonce, auth_time for max_age).
 */
export async function codeFlow(op: Op, options: CodeFlowOptions = {}): Promise<CodeFlowResult> {
  const client = op.target.confidential;
  const request = await prepare(client.clientId, client.redirectUri, options.extra);
  const outcome = await authorize(op, request.params, options);
  const callback = oauth.validateAuthResponse(
    op.as,
    confidentialClient(client),
    callbackParams(outcome),
    request.state,
  );
  const auth =
    options.auth === 'post'
      ? oauth.ClientSecretPost(client.clientSecret)
      : oauth.ClientSecretBasic(client.clientSecret);
  const response = await oauth.authorizationCodeGrantRequest(
    op.as,
    confidentialClient(client),
    auth,
    callback,
    client.redirectUri,
    request.verifier,
    insecure,
  );
  const tokens = await oauth.processAuthorizationCodeResponse(
    op.as,
    confidentialClient(client),
    response,
    {
      expectedNonce: request.nonce,
      requireIdToken: true,
      ...(options.maxAge !== undefined ? { maxAge: options.maxAge } : {}),
    },
  );
  const idToken = oauth.getValidatedIdTokenClaims(tokens)!;
  return { request, outcome, callback, tokens, idToken };
}

/** Verifies a JWS against the issuer's published JWKS with jose (never accepting `none`). */
export async function verifyWithJwks(
  op: Op,
  jwt: string,
): Promise<{ payload: JWTPayload; alg: string; kid?: string }> {
  const jwks = createRemoteJWKSet(new URL(op.as.jwks_uri!));
  const { payload, protectedHeader } = await jwtVerify(jwt, jwks, { issuer: op.as.issuer });
  return { payload, alg: protectedHeader.alg, kid: protectedHeader.kid };
}

/** A private_key_jwt client assertion signed with the target's JWT client key. */
export async function clientAssertion(
  target: ConformanceTarget,
  claims: JWTPayload,
): Promise<string> {
  const client = target.jwtClient!;
  const key = await importJWK(client.privateJwk as Parameters<typeof importJWK>[0], client.alg);
  return new SignJWT(claims)
    .setProtectedHeader({
      alg: client.alg,
      ...(typeof client.privateJwk.kid === 'string' ? { kid: client.privateJwk.kid } : {}),
    })
    .sign(key);
}

/** POSTs a form to an endpoint and returns status, headers and parsed JSON (if any). */
export async function postForm(
  url: string,
  form: Record<string, string> | URLSearchParams,
  headers: Record<string, string> = {},
): Promise<{
  status: number;
  headers: Headers;
  json: Record<string, unknown> | undefined;
  text: string;
}> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** `Basic` credentials form-URL-encoded as RFC 6749 §2.3.1 requires. */
export function basic(id: string, secret: string): string {
  const encode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}
