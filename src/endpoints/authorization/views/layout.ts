import { html, type SafeHtml } from './html';

/** Where the pages' stylesheet is served. */
export const STYLESHEET_PATH = '/assets/oauth.css';

/**
 * The page shell: `lang`, a phone viewport, the local stylesheet and no script (the pages work
 * without JavaScript; WCAG 2.1 SC 3.1.1 language of page).
 */
export function layout(lang: string, title: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title}</title>
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html> `;
}
