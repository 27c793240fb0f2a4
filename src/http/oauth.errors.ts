/** RFC 6749 §5.2 / RFC 6750 §3.1 error codes the service raises itself. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_target'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'access_denied'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'not_found'
  | 'method_not_allowed'
  | 'invalid_client_metadata'
  | 'invalid_software_statement'
  | 'unapproved_software_statement'
  // OpenID for Verifiable Credential Issuance 1.0 §8.3.1.2, §9.3.
  | 'invalid_credential_request'
  | 'credential_request_denied';

/**
 * A protocol error detected by the service itself (malformed header, wrong content type, missing
 * caller credentials). Rendered by `OAuthExceptionFilter` as RFC 6749 §5.2 JSON with no-store.
 */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';

  constructor(
    readonly status: number,
    readonly error: OAuthErrorCode,
    readonly description?: string,
    /** Extra response headers, e.g. `WWW-Authenticate` (RFC 6750 §3, RFC 7617). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description ?? error);
  }

  /** The RFC 6749 §5.2 body. */
  toJSON(): { error: string; error_description?: string } {
    return this.description === undefined
      ? { error: this.error }
      : { error: this.error, error_description: this.description };
  }
}

/** 400 `invalid_request` (RFC 6749 §5.2). */
export const invalidRequest = (description: string): OAuthError =>
  new OAuthError(400, 'invalid_request', description);
