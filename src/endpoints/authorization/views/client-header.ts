import type { ClientCard } from '../authorization-context';
import { html, safeUrl, type SafeHtml } from './html';

/** The client's logo and name; both escaped, the logo only from an http(s) URL. */
export function clientHeader(client: ClientCard): SafeHtml {
  const logo = safeUrl(client.logoUri);
  return html`<div class="client">
    ${logo ? html`<img src="${logo}" alt="" width="48" height="48" />` : ''}<strong
      >${client.name}</strong
    >
  </div>`;
}
