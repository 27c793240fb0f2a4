import { readFileSync } from 'node:fs';
import type { ConformanceTarget } from './target';

/** Variables without which the remote variant cannot run at all. */
export const REQUIRED_REMOTE_VARIABLES = [
  'CONFORMANCE_ISSUER',
  'CONFORMANCE_CLIENT_ID',
  'CONFORMANCE_CLIENT_SECRET',
  'CONFORMANCE_REDIRECT_URI',
  'CONFORMANCE_USERNAME',
  'CONFORMANCE_PASSWORD',
] as const;

/** The remote target, or the reason it cannot be built. */
export type RemoteTargetResult =
  { target: ConformanceTarget; reason?: undefined } | { target?: undefined; reason: string };

function read(name: string): string | undefined {
  const value = process.env[name];
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

function readJwk(value: string): Record<string, unknown> {
  const text = value.startsWith('{') ? value : readFileSync(value, 'utf8');
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Builds the remote target from `CONFORMANCE_*` variables (a deployment of this service backed by
 * a real Authlete service, with test clients registered there). Without CONFORMANCE_ISSUER the
 * reason says the remote variant is not configured; with only some required variables it names the
 * missing ones.
 */
export function remoteTarget(): RemoteTargetResult {
  const missing = REQUIRED_REMOTE_VARIABLES.filter((name) => read(name) === undefined);
  if (
    missing.length === REQUIRED_REMOTE_VARIABLES.length ||
    read('CONFORMANCE_ISSUER') === undefined
  ) {
    return {
      reason: `remote conformance variant skipped: CONFORMANCE_ISSUER is not set (to run the suite against an Authlete-backed deployment set ${REQUIRED_REMOTE_VARIABLES.join(', ')}; see docs/conformance.md)`,
    };
  }
  if (missing.length > 0) {
    return { reason: `remote conformance variant is misconfigured: missing ${missing.join(', ')}` };
  }
  const env = (name: string): string => read(name) ?? '';
  const optional = read;
  const target: ConformanceTarget = {
    name: `remote (${env('CONFORMANCE_ISSUER')})`,
    local: false,
    issuer: env('CONFORMANCE_ISSUER').replace(/\/+$/, ''),
    user: {
      username: env('CONFORMANCE_USERNAME'),
      password: env('CONFORMANCE_PASSWORD'),
      subject: optional('CONFORMANCE_SUBJECT'),
    },
    confidential: {
      clientId: env('CONFORMANCE_CLIENT_ID'),
      clientSecret: env('CONFORMANCE_CLIENT_SECRET'),
      redirectUri: env('CONFORMANCE_REDIRECT_URI'),
      otherRedirectUri: optional('CONFORMANCE_REDIRECT_URI_2'),
      responseTypes: (optional('CONFORMANCE_RESPONSE_TYPES') ?? 'code')
        .split(',')
        .map((t) => t.trim()),
    },
    close: () => Promise.resolve(),
  };
  const publicId = optional('CONFORMANCE_PUBLIC_CLIENT_ID');
  const publicRedirect = optional('CONFORMANCE_PUBLIC_REDIRECT_URI');
  if (publicId && publicRedirect) {
    target.publicClient = { clientId: publicId, redirectUri: publicRedirect };
  }
  const jwtId = optional('CONFORMANCE_JWT_CLIENT_ID');
  const jwtKey = optional('CONFORMANCE_JWT_PRIVATE_JWK');
  const jwtRedirect = optional('CONFORMANCE_JWT_REDIRECT_URI');
  if (jwtId && jwtKey && jwtRedirect) {
    const privateJwk = readJwk(jwtKey);
    target.jwtClient = {
      clientId: jwtId,
      redirectUri: jwtRedirect,
      privateJwk,
      alg: typeof privateJwk.alg === 'string' ? privateJwk.alg : 'RS256',
    };
  }
  const specialId = optional('CONFORMANCE_SPECIAL_CLIENT_ID');
  const specialSecret = optional('CONFORMANCE_SPECIAL_CLIENT_SECRET');
  if (specialId && specialSecret) {
    target.specialSecretClient = {
      clientId: specialId,
      clientSecret: specialSecret,
      redirectUri: optional('CONFORMANCE_SPECIAL_REDIRECT_URI') ?? target.confidential.redirectUri,
    };
  }
  const passwordId = optional('CONFORMANCE_PASSWORD_CLIENT_ID');
  const passwordSecret = optional('CONFORMANCE_PASSWORD_CLIENT_SECRET');
  if (passwordId && passwordSecret) {
    target.passwordClient = { clientId: passwordId, clientSecret: passwordSecret };
  }
  const rsId = optional('CONFORMANCE_RS_ID');
  const rsSecret = optional('CONFORMANCE_RS_SECRET');
  if (rsId && rsSecret) target.resourceServer = { id: rsId, secret: rsSecret };
  return { target };
}
