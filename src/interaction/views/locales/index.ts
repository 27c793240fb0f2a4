import { en } from './en';
import { ja } from './ja';
import type { Messages } from './messages';

export type { Messages } from './messages';

/** Languages the pages are written in; the first is the fallback. */
export const PAGE_LOCALES = ['en', 'ja'] as const;

/** A supported page language. */
export type PageLocale = (typeof PAGE_LOCALES)[number];

const BY_LOCALE: Record<PageLocale, Messages> = { en, ja };

/** The messages of a page language. */
export function messagesFor(locale: PageLocale): Messages {
  return BY_LOCALE[locale];
}

function match(tag: string): PageLocale | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_;]/, 1)[0];
  return PAGE_LOCALES.find((locale) => locale === primary);
}

/**
 * Picks the page language: the first supported entry of `ui_locales` (OIDC Core §3.1.2.1, space
 * separated, most preferred first), else of `Accept-Language` (RFC 9110 §12.5.4, in listed order),
 * else English.
 */
export function pickLocale(
  uiLocales: readonly string[],
  acceptLanguage: string | undefined,
): PageLocale {
  for (const tag of uiLocales) {
    const found = match(tag);
    if (found) return found;
  }
  for (const tag of (acceptLanguage ?? '').split(',')) {
    const found = match(tag);
    if (found) return found;
  }
  return 'en';
}

/**
 * The page language of a page with no `ui_locales` to go by (the device and CIBA pages: the
 * request that started the flow came from another device): `Accept-Language`, else English.
 */
export function acceptedLocale(acceptLanguage: string | string[] | undefined): PageLocale {
  return pickLocale([], typeof acceptLanguage === 'string' ? acceptLanguage : undefined);
}
