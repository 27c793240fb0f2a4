import type { Entry } from 'ldapts';
import type { ClaimValues } from '../user-authenticator';

/** The first value of an attribute as text, or undefined. */
export function firstValue(entry: Entry, attribute: string): string | undefined {
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? undefined : entry[key];
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined) return undefined;
  return Buffer.isBuffer(first) ? first.toString('utf8') : first;
}

/** GeneralizedTime (`20240102030405Z`, RFC 4517 §3.3.13) to seconds since the epoch. */
function generalizedTimeToSeconds(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,]\d+)?Z$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  return Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0)) / 1000;
}

/**
 * Claims from a directory entry by a claim → attribute mapping. An attribute with a language
 * option (`cn;lang-ja`, RFC 3866) gives the tagged claim (`name#ja`, OIDC Core §5.2).
 */
export function claimsFromEntry(
  entry: Entry,
  mapping: Readonly<Record<string, string>>,
): ClaimValues {
  const claims: ClaimValues = {};
  for (const [claim, attribute] of Object.entries(mapping)) {
    const wanted = attribute.toLowerCase();
    for (const key of Object.keys(entry)) {
      const [type, ...options] = key.split(';');
      if (type?.toLowerCase() !== wanted) continue;
      const language = options.find((option) => option.toLowerCase().startsWith('lang-'));
      if (options.length > 0 && language === undefined) continue;
      const value = firstValue(entry, key);
      if (value === undefined) continue;
      const name = language === undefined ? claim : `${claim}#${language.slice(5)}`;
      claims[name] = claim === 'updated_at' ? generalizedTimeToSeconds(value) : value;
    }
  }
  return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
}

/** Every attribute a mapping needs, for the search's attribute list. */
export function mappedAttributes(mapping: Readonly<Record<string, string>>): string[] {
  return [...new Set(Object.values(mapping))];
}
