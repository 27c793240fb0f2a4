import type { ClientCard } from '../client-card';
import { html, type SafeHtml } from './html';

/**
 * The logo address a page may show under its CSP (`img-src 'self' https: data:`), or undefined:
 * a logo on the service's own origin (the shipped demo logos under `/assets/logos/`) becomes a
 * path, so it loads whatever host name the page was opened with; any other logo must be https.
 * An `http:` logo elsewhere would be blocked by the CSP and show as a broken image, so it is
 * dropped and the initial is shown instead.
 */
export function displayableLogo(uri: string | undefined, ownOrigin: string): string | undefined {
  if (uri === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return undefined;
  }
  if (url.origin === ownOrigin) return `${url.pathname}${url.search}`;
  return url.protocol === 'https:' ? url.href : undefined;
}

/** The first letter of the client's name, shown when there is no logo or it fails to load. */
function initialOf(name: string): string {
  const first = [...name.trim()][0];
  return first === undefined ? '?' : first.toLocaleUpperCase();
}

/**
 * The client's logo and name, both escaped. Without a displayable logo a badge shows the name's
 * initial. A logo that fails to load is covered by the same badge: the stylesheet's `img::after`
 * (drawn only for an image that did not load) shows `data-initial`, never a broken-image icon.
 */
export function clientHeader(client: ClientCard, ownOrigin: string): SafeHtml {
  const logo = displayableLogo(client.logoUri, ownOrigin);
  return html`<div class="client">
    <span class="logo" aria-hidden="true"
      ><span class="initial">${initialOf(client.name)}</span>${
        logo
          ? html`<img
              src="${logo}"
              alt=""
              width="48"
              height="48"
              data-initial="${initialOf(client.name)}"
            />`
          : ''
      }</span
    ><strong>${client.name}</strong>
  </div>`;
}
