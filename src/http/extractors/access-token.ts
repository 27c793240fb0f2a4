import type { FastifyRequest } from 'fastify';
import { invalidRequest } from '../oauth.errors';
import type { FormBody } from './form-body';

/** An access token presented by a client, with its scheme (RFC 6750 §2, RFC 9449 §7.1). */
export interface PresentedToken {
  readonly token: string;
  readonly scheme: 'Bearer' | 'DPoP';
  /** The `DPoP` proof header, when present (RFC 9449 §4). */
  readonly dpop?: string;
}

/**
 * Extracts the access token from `Authorization: Bearer|DPoP` or the form `access_token`
 * (RFC 6750 §2.1, §2.2). Using more than one method is an error (RFC 6750 §2), and so is a token in
 * the query string, which this server does not accept (RFC 6750 §2.3 "SHOULD NOT"; OAuth 2.1).
 */
export function extractAccessToken(
  request: FastifyRequest,
  form: FormBody,
): PresentedToken | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  if (query && 'access_token' in query) {
    throw invalidRequest('Access tokens are not accepted in the query string');
  }
  const header = request.headers.authorization;
  const fromForm = form.params.getAll('access_token');
  if (fromForm.length > 1) throw invalidRequest('The parameter access_token is duplicated');
  const dpop = typeof request.headers.dpop === 'string' ? request.headers.dpop : undefined;
  const match = header === undefined ? null : /^(bearer|dpop)\s+(\S+)\s*$/i.exec(header);
  if (match && fromForm.length > 0) {
    throw invalidRequest('The access token was sent by more than one method');
  }
  if (match) {
    const scheme = match[1]!.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer';
    return { token: match[2]!, scheme, dpop };
  }
  const token = fromForm[0];
  return token ? { token, scheme: 'Bearer', dpop } : undefined;
}
