/**
 * A refused request to a protected resource: its status, the `WWW-Authenticate` challenge
 * (RFC 6750 §3, RFC 9449 §7.1) and the error code repeated in a JSON body.
 */
export class BearerError extends Error {
  override readonly name = 'BearerError';

  constructor(
    readonly status: number,
    readonly error: string,
    readonly challenge: string,
    readonly extraHeaders: Readonly<Record<string, string>> = {},
  ) {
    super(error);
  }
}
