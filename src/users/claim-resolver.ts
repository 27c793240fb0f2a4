import type { ClaimValues } from './user-authenticator';

/**
 * Picks the values of the requested claims from a user's stored claims (OIDC Core §5.2):
 * a tagged name (`name#ja-Kana-JP`) is answered under that exact key, falling back from the full
 * tag to its language prefix; an untagged name prefers the first matching `claims_locales` entry,
 * then the untagged value. Unknown claims are left out.
 */
export function resolveClaims(
  stored: ClaimValues,
  names: readonly string[],
  locales: readonly string[],
): ClaimValues {
  const result: ClaimValues = {};
  for (const requested of names) {
    const [name, tag] = requested.split('#', 2) as [string, string | undefined];
    const candidates = tag
      ? tagFallbacks(name, tag)
      : [...locales.flatMap((locale) => tagFallbacks(name, locale)), name];
    const key = candidates.find((candidate) => stored[candidate] !== undefined);
    if (key !== undefined) result[requested] = stored[key];
  }
  return result;
}

function tagFallbacks(name: string, tag: string): string[] {
  const parts = tag.split('-');
  const keys: string[] = [];
  for (let length = parts.length; length > 0; length -= 1) {
    keys.push(`${name}#${parts.slice(0, length).join('-')}`);
  }
  return keys;
}
