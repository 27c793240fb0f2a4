import type { TokenFailResponse, TokenResponse } from '../../authlete/types';
import { OAuthError, type OAuthErrorCode } from '../../http/oauth.errors';
import { relayedHeaders } from '../../http/response-headers';

function errorCodeOf(failed: TokenFailResponse): OAuthErrorCode {
  try {
    const body = JSON.parse(failed.responseContent ?? '{}') as { error?: unknown };
    if (typeof body.error === 'string') return body.error as OAuthErrorCode;
  } catch {
    // Not JSON: fall back to the RFC 6749 §5.2 code for bad resource owner credentials.
  }
  return 'invalid_grant';
}

/**
 * The answer to a PASSWORD grant (RFC 6749 §4.3) made during a brute-force wait, or whose failure
 * started one: the error code `/auth/token/fail` chose (RFC 6749 §5.2), a description that says
 * how long to wait, as the login page does, and `Retry-After` (RFC 9110 §10.2.3) in seconds.
 * `checked` says whether the password was checked (and was wrong) or refused unchecked.
 */
export function passwordWaitError(
  seconds: number,
  failed: TokenFailResponse,
  first: TokenResponse,
  checked: boolean,
): OAuthError {
  const unit = seconds === 1 ? 'second' : 'seconds';
  const wrong = checked ? 'The username or password is incorrect. ' : '';
  return new OAuthError(
    400,
    errorCodeOf(failed),
    `${wrong}Too many failed attempts. Please wait ${seconds} ${unit} and try again.`,
    { ...relayedHeaders(first), 'retry-after': String(seconds) },
  );
}
