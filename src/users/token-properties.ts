/**
 * Hidden token properties (authlete-api.md §2 Property) through which the authorization endpoint
 * hands facts to the userinfo endpoint: Authlete's `/auth/userinfo` response returns the token's
 * properties but neither the client's subject type nor the request's `claims_locales`.
 */
export const TOKEN_PROPERTY = {
  /** The pairwise `sub` of a PAIRWISE client (OIDC Core §8.1). */
  pairwiseSub: 'pairwise_sub',
  /** The space-separated `claims_locales` of the authorization request (OIDC Core §5.2). */
  claimsLocales: 'claims_locales',
} as const;

/** The string value of one property in a token's `properties`, or undefined. */
export function tokenProperty(properties: unknown, key: string): string | undefined {
  if (!Array.isArray(properties)) return undefined;
  for (const property of properties as unknown[]) {
    const { key: name, value } = (property ?? {}) as { key?: unknown; value?: unknown };
    if (name === key && typeof value === 'string') return value;
  }
  return undefined;
}
