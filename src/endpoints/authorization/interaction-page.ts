import { DirectResponse } from '../../http/direct-response';
import type { SafeHtml } from '../../interaction/views/html';
import { PAGE_SECURITY_HEADERS } from '../../interaction/views/page-response';

/** Where a pending login or consent page is shown by GET (and its form posts to). */
export const DECISION_PATH = '/api/authorization/decision';

/**
 * A rendered login or consent page and the interaction it belongs to. A form post answers with
 * a 303 to {@link DECISION_PATH}`?interaction=<id>` instead of the page itself (Post/Redirect/Get),
 * so the browser's history holds a page that can be shown again, never a form resubmission. A page
 * with another status (503: the user store is down) is sent as it is.
 */
export class InteractionPage extends DirectResponse {
  constructor(
    readonly interaction: string,
    page: SafeHtml,
    status = 200,
  ) {
    super(status, PAGE_SECURITY_HEADERS, page.value);
  }
}

/** The 303 See Other (RFC 9110 §15.4.4) that follows a form post to a page. */
export function seeOther(location: string): DirectResponse {
  return new DirectResponse(303, {
    location,
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'referrer-policy': 'no-referrer',
  });
}

/** The GET address of an interaction's page. */
export function pagePath(interaction: string): string {
  return `${DECISION_PATH}?interaction=${encodeURIComponent(interaction)}`;
}
