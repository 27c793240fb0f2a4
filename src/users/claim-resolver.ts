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
    const key = storedKeyOf(stored, requested, locales);
    if (key !== undefined) result[requested] = stored[key];
  }
  return result;
}

/** The stored key that answers `requested` (see {@link resolveClaims}), without allocations. */
function storedKeyOf(
  stored: ClaimValues,
  requested: string,
  locales: readonly string[],
): string | undefined {
  const hash = requested.indexOf('#');
  const name = hash < 0 ? requested : requested.slice(0, hash);
  if (hash >= 0) {
    const next = requested.indexOf('#', hash + 1);
    const tag = requested.slice(hash + 1, next < 0 ? undefined : next);
    if (tag !== '') return taggedKey(stored, name, tag);
  }
  for (const locale of locales) {
    const key = taggedKey(stored, name, locale);
    if (key !== undefined) return key;
  }
  return stored[name] !== undefined ? name : undefined;
}

/**
 * `name#tag`, then `name#` with the tag cut at each `-` from the right (`ja-Kana-JP`, `ja-Kana`,
 * `ja`), the first one stored (RFC 5646 §4.4.2 truncation).
 */
function taggedKey(stored: ClaimValues, name: string, tag: string): string | undefined {
  let end = tag.length;
  for (;;) {
    const key = `${name}#${tag.slice(0, end)}`;
    if (stored[key] !== undefined) return key;
    if (end === 0) return undefined;
    end = tag.lastIndexOf('-', end - 1);
    if (end < 0) return undefined;
  }
}
