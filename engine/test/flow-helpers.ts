/** Helpers that walk common flows through the engine APIs. */
import {
  content,
  type EngineHarness,
  PKCE_CHALLENGE,
  PKCE_VERIFIER,
  redirectParams,
  type ApiResult,
} from './harness';

export const WEB_REDIRECT = 'http://localhost:3000/callback';
export const SPA_REDIRECT = 'http://localhost:3000/spa/callback';

/** Form-encodes parameters the way a browser or client would. */
export function form(parameters: Record<string, string>): string {
  return new URLSearchParams(parameters).toString();
}

/** /auth/authorization with the given parameters. */
export function authorize(
  engine: EngineHarness,
  parameters: Record<string, string>,
): Promise<ApiResult> {
  return engine.call('/auth/authorization', { parameters: form(parameters) });
}

/** Runs /auth/authorization then /auth/authorization/issue and returns the code. */
export async function obtainCode(
  engine: EngineHarness,
  parameters: Record<string, string> = {},
  issue: Record<string, unknown> = {},
): Promise<{ code: string; authorization: ApiResult; issued: ApiResult }> {
  const authorization = await authorize(engine, {
    response_type: 'code',
    client_id: 'demo-web',
    redirect_uri: WEB_REDIRECT,
    scope: 'openid profile email offline_access read',
    state: 'state-123',
    nonce: 'nonce-123',
    code_challenge: PKCE_CHALLENGE,
    code_challenge_method: 'S256',
    ...parameters,
  });
  expect(authorization.body.action).toBe('INTERACTION');
  const issued = await engine.call('/auth/authorization/issue', {
    ticket: authorization.body.ticket,
    subject: 'alice',
    ...issue,
  });
  expect(issued.body.action).toBe('LOCATION');
  const code = redirectParams(issued.body.responseContent).get('code');
  if (code === null) throw new Error('no code');
  return { code, authorization, issued };
}

/** demo-web's client_secret_basic credentials as the service forwards them. */
export const WEB_BASIC = { clientId: 'demo-web', clientSecret: 'demo-web-secret' };

/** Exchanges a code at /auth/token as demo-web with the standard verifier. */
export function exchangeCode(
  engine: EngineHarness,
  code: string,
  extra: Record<string, string> = {},
  credentials: Record<string, string> = WEB_BASIC,
): Promise<ApiResult> {
  return engine.call('/auth/token', {
    parameters: form({
      grant_type: 'authorization_code',
      code,
      redirect_uri: WEB_REDIRECT,
      code_verifier: PKCE_VERIFIER,
      ...extra,
    }),
    ...credentials,
  });
}

/** Full code flow for demo-web; returns the parsed token response and the API response. */
export async function codeFlowTokens(
  engine: EngineHarness,
  parameters: Record<string, string> = {},
  issue: Record<string, unknown> = {},
): Promise<{ tokens: Record<string, unknown>; response: ApiResult }> {
  const { code } = await obtainCode(engine, parameters, issue);
  const response = await exchangeCode(engine, code);
  expect(response.body.action).toBe('OK');
  return { tokens: content(response), response };
}

/** A client_credentials token for demo-service. */
export async function serviceToken(engine: EngineHarness, scope = 'read write'): Promise<string> {
  const response = await engine.call('/auth/token', {
    parameters: form({ grant_type: 'client_credentials', scope }),
    clientId: 'demo-service',
    clientSecret: 'demo-service-secret',
  });
  return content(response).access_token as string;
}
