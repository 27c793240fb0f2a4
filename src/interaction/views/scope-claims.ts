import { SCOPE_CLAIMS } from '../../../contract';
import type { AuthleteScope } from '../../authlete/types';

/**
 * The claims each standard scope asks for (OIDC Core §5.4; `sub` comes with `openid`, §3.1.2.1).
 * Claim names may carry a language tag (`name#ja-Kana-JP`, §5.2); the base name decides.
 */
export const STANDARD_SCOPE_CLAIMS: Readonly<Record<string, readonly string[]>> = {
  openid: ['sub'],
  ...SCOPE_CLAIMS,
};

/** One requested scope and the requested claims it accounts for. */
export interface ScopeGroup {
  readonly scope: AuthleteScope;
  readonly claims: readonly string[];
}

/** The consent page's view of a request: claims under their scope, and the claims no scope asked for. */
export interface GroupedRequest {
  readonly groups: readonly ScopeGroup[];
  readonly otherClaims: readonly string[];
}

function baseName(claim: string): string {
  return claim.split('#', 1)[0] ?? claim;
}

/**
 * Groups the requested claims under the first requested scope that asks for them, so each claim is
 * listed once; claims asked for only through the `claims` parameter (OIDC Core §5.5) stay apart.
 */
export function groupClaimsByScope(
  scopes: readonly AuthleteScope[],
  claims: readonly string[],
): GroupedRequest {
  const unique = [...new Set(claims)];
  const placed = new Set<string>();
  const groups = scopes.map((scope) => {
    const covered = new Set(STANDARD_SCOPE_CLAIMS[scope.name] ?? []);
    const mine = unique.filter((claim) => !placed.has(claim) && covered.has(baseName(claim)));
    mine.forEach((claim) => placed.add(claim));
    return { scope, claims: mine };
  });
  return { groups, otherClaims: unique.filter((claim) => !placed.has(claim)) };
}
