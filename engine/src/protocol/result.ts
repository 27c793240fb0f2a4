import type { Service } from '../model/service';
import type { AuthleteEnvelope } from '../../../contract';

/**
 * A result code with its text. Codes follow authlete-api.md §10: `A` + 6 digits, the first three
 * naming the API, the third from the right the category (0 success, 1 engine error, 2 caller
 * error, 3 client error); confirmed Authlete codes are reused where they apply.
 */
export interface Result {
  code: string;
  text: string;
}

/** Builds a Result. */
export function result(code: string, text: string): Result {
  return { code, text };
}

/** `[code] text`, the format of `resultMessage` and `error_description`. */
export function resultMessage(value: Result): string {
  return `[${value.code}] ${value.text}`;
}

/** The documentation link Authlete puts in `error_uri`. */
export function errorUri(value: Result): string {
  return `https://docs.authlete.com/#${value.code}`;
}

/** Whether a result reports a caller (service) error: the category digit is 2. */
export function isCallerError(value: Result): boolean {
  return value.code.charAt(value.code.length - 3) === '2';
}

/**
 * The envelope members every runtime response starts with (authlete-api.md §1.5). Spread it only
 * into small answers: a literal that starts with a spread and then adds more than about a dozen
 * members ends in V8's dictionary mode, some 25 times slower to build and serialise (issue 16);
 * large answers name `resultCode`, `resultMessage` and `action` instead.
 */
export function envelope<A extends string>(
  value: Result,
  action: A,
): { resultCode: string; resultMessage: string; action: A } {
  return { resultCode: value.code, resultMessage: resultMessage(value), action };
}

/**
 * An RFC 6749 §5.2 error body as a JSON string, members in Authlete's order
 * (`error_description`, `error`, `error_uri`; authlete-api.md §11.2).
 */
export function oauthErrorJson(service: Service, error: string, value: Result): string {
  const body: Record<string, string> = {};
  if (!service.errorDescriptionOmitted) body.error_description = resultMessage(value);
  body.error = error;
  if (!service.errorUriOmitted) body.error_uri = errorUri(value);
  return JSON.stringify(body);
}

/**
 * An envelope whose responseContent is an RFC 6749 §5.2 error body: the shape of every
 * client-facing error of the token, revocation and PAR APIs (authlete-api.md §11.2).
 */
export function oauthErrorResponse<A extends string>(
  service: Service,
  action: A,
  error: string,
  code: string,
  text: string,
): AuthleteEnvelope<A> {
  const value = result(code, text);
  return { ...envelope(value, action), responseContent: oauthErrorJson(service, error, value) };
}

/**
 * An RFC 6750 §3 `WWW-Authenticate` value, e.g.
 * `Bearer error="invalid_token",error_description="[A…] …",error_uri="…"` (authlete-api.md §8.1).
 */
export function bearerChallenge(
  service: Service,
  error: string,
  value: Result,
  scope?: string,
): string {
  const parts = [`error="${error}"`];
  if (!service.errorDescriptionOmitted) {
    parts.push(`error_description="${resultMessage(value).replace(/["\\]/g, '')}"`);
  }
  if (!service.errorUriOmitted) parts.push(`error_uri="${errorUri(value)}"`);
  if (scope !== undefined) parts.push(`scope="${scope}"`);
  return `Bearer ${parts.join(',')}`;
}
