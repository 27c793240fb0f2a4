/**
 * The user's CIBA user code (CIBA Core §7.1 `user_code`): a secret the user sets to keep clients
 * from spamming them with requests. It is read by the CIBA user resolver only.
 */
export const CIBA_USER_CODE_CLAIM = 'ciba_user_code';

/** Claims a store keeps for the server's own checks, never released (OIDC Core §5.1 is open). */
const INTERNAL_CLAIMS: ReadonlySet<string> = new Set([CIBA_USER_CODE_CLAIM]);

/**
 * The requested claim names that may be released in ID tokens, userinfo or the device flow
 * (OIDC Core §5.5): internal claims are dropped, with or without a language tag (§5.2), whatever
 * the service's `supportedClaims` say.
 */
export function releasableClaimNames(names: readonly string[]): string[] {
  return names.filter((name) => {
    const hash = name.indexOf('#');
    return !INTERNAL_CLAIMS.has(hash < 0 ? name : name.slice(0, hash));
  });
}
