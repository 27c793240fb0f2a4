import type { DirectResponse } from '../../http/direct-response';
import { html } from './html';
import { layout } from './layout';
import { messagesFor, type PageLocale } from './locales';
import type { PageFrame } from './page-frame';
import { pageResponse } from './page-response';

/** Which explanation an error page gives. */
export type ErrorKind = 'badRequest' | 'expired' | 'forbidden' | 'serverError';

/** An error page's content. */
export interface ErrorPageModel {
  readonly status: number;
  readonly kind: ErrorKind;
  readonly locale: PageLocale;
  readonly frame: PageFrame;
  /** The OAuth error from Authlete's `responseContent`, shown escaped to help developers. */
  readonly detail?: { readonly error?: string; readonly description?: string };
  /** A same-origin path that starts the authorization request again (the stored request). */
  readonly restartPath?: string;
}

/**
 * An HTML error page. Used where redirecting to the client would be unsafe (RFC 6749 §4.1.2.1:
 * unknown client or redirect URI) or impossible (stale ticket, unverifiable form). When the
 * request that led here is known, the page links to starting it again, so it is never a dead end.
 */
export function errorPage(model: ErrorPageModel): DirectResponse {
  const t = messagesFor(model.locale);
  const restart = model.restartPath && `${model.frame.basePath}${model.restartPath}`;
  const detail = model.detail;
  const body = html`<h1>${t.errorTitle}</h1>
    <p class="error" role="alert">${t[model.kind]}</p>
    ${
      detail?.error
        ? html`<p class="muted">
            <code>${detail.error}</code>${detail.description ? html`: ${detail.description}` : ''}
          </p>`
        : ''
    }
    ${
      restart
        ? html`<p class="actions">
            <a class="button primary" href="${restart}">${t.startAgain}</a>
          </p>`
        : ''
    }`;
  return pageResponse(
    model.status,
    layout(
      {
        lang: t.lang,
        title: t.errorTitle,
        serviceName: model.frame.serviceName,
        basePath: model.frame.basePath,
      },
      body,
    ),
  );
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
