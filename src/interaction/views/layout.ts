import { html, type SafeHtml } from './html';

/** Where the pages' stylesheet is served. */
export const STYLESHEET_PATH = '/assets/oauth.css';

/** What every page shell needs. */
export interface PageShell {
  /** The page language (WCAG 2.1 SC 3.1.1). */
  readonly lang: string;
  /** What the page is for, e.g. "Sign in". */
  readonly title: string;
  /** The service the person is dealing with; named in the title and above the card. */
  readonly serviceName: string;
  /** The route prefix the service's own paths start with (`''` or `/oauth`). */
  readonly basePath: string;
}

/**
 * The page shell: `lang`, a title that names the page and the service (WCAG 2.1 SC 2.4.2), a phone
 * viewport, the local stylesheet and no script (the pages work without JavaScript).
 */
export function layout(shell: PageShell, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
    <html lang="${shell.lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${shell.title} – ${shell.serviceName}</title>
        <link rel="stylesheet" href="${shell.basePath}${STYLESHEET_PATH}" />
      </head>
      <body>
        <main>
          <p class="service">${shell.serviceName}</p>
          ${body}
        </main>
      </body>
    </html> `;
}
