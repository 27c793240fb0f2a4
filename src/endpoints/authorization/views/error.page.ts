import type { DirectResponse } from '../../../http/direct-response';
import { html } from './html';
import { layout } from './layout';
import { messagesFor, type PageLocale } from './locales';
import { pageResponse } from './page-response';

/** Which explanation an error page gives. */
export type ErrorKind = 'badRequest' | 'expired' | 'forbidden' | 'serverError';

/**
 * An HTML error page. Used where redirecting to the client would be unsafe (RFC 6749 §4.1.2.1:
 * unknown client or redirect URI) or impossible (stale ticket, failed CSRF check). `detail` is the
 * OAuth error from Authlete's `responseContent`, shown escaped to help developers.
 */
export function errorPage(
  status: number,
  kind: ErrorKind,
  locale: PageLocale,
  detail?: { error?: string; description?: string },
): DirectResponse {
  const t = messagesFor(locale);
  const body = html`<h1>${t.errorTitle}</h1>
    <p class="error" role="alert">${t[kind]}</p>
    ${detail?.error ? html`<p class="muted"><code>${detail.error}</code>${detail.description ? html`: ${detail.description}` : ''}</p>` : ''}`;
  return pageResponse(status, layout(t.lang, t.errorTitle, body));
}

/** The `error` and `error_description` of an RFC 6749 §5.2 JSON string, if it is one. */
export function oauthErrorOf(content: string | undefined): {
  error?: string;
  description?: string;
} {
  if (content === undefined) return {};
  try {
    const parsed = JSON.parse(content) as { error?: unknown; error_description?: unknown };
    return {
      error: typeof parsed.error === 'string' ? parsed.error : undefined,
      description:
        typeof parsed.error_description === 'string' ? parsed.error_description : undefined,
    };
  } catch {
    return {};
  }
}
