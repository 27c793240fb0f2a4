/**
 * One authorization grant: every token minted from one code, one password or client-credentials
 * request, or one /auth/token/create call. Revoking the grant revokes all of them (RFC 6749 §4.1.2
 * code reuse, RFC 6819 §5.2.2.3 refresh-token reuse, RFC 7009 §2.1).
 */
export interface Grant {
  accessTokens: Set<string>;
  refreshTokens: Set<string>;
}
