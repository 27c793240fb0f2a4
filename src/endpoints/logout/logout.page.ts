import { DirectResponse } from '../../http/direct-response';
import type { LogoutErrorReason, LogoutMessages } from './logout.messages';

const HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html;charset=UTF-8',
  'content-security-policy':
    "default-src 'self'; script-src 'none'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

/** HTML-escapes text and attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * A logout page. It is only ever served at `{prefix}/api/logout`, so its own links are relative
 * (`../assets/oauth.css`, the form posting back to `logout`) and follow any route prefix.
 */
function page(
  status: number,
  messages: LogoutMessages,
  title: string,
  body: string,
): DirectResponse {
  const document = `<!doctype html>
<html lang="${messages.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="../assets/oauth.css">
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
${body}
</main>
</body>
</html>
`;
  return new DirectResponse(status, HEADERS, document);
}

/** What the confirmation form carries to the POST that ends the session. */
export interface ConfirmationFields {
  readonly csrf: string;
  readonly clientId?: string;
  readonly clientName?: string;
  readonly postLogoutRedirectUri?: string;
  readonly state?: string;
  readonly uiLocales?: string;
}

function hidden(name: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">\n`;
}

/**
 * The sign-out confirmation (RP-Initiated Logout 1.0 §2, §6): asked when the request could have
 * been forged by another site. "Sign out" comes first so Enter confirms; "Stay signed in" cancels.
 */
export function confirmLogoutPage(
  messages: LogoutMessages,
  fields: ConfirmationFields,
): DirectResponse {
  const who = fields.clientName ?? fields.clientId;
  const lead =
    who === undefined
      ? messages.confirmLead
      : `${messages.confirmFor(who)} ${messages.confirmLead}`;
  return page(
    200,
    messages,
    messages.confirmTitle,
    `<p class="lead">${escapeHtml(lead)}</p>
<form method="post" action="logout">
${hidden('csrf', fields.csrf)}${hidden('client_id', fields.clientId)}${hidden('post_logout_redirect_uri', fields.postLogoutRedirectUri)}${hidden('state', fields.state)}${hidden('ui_locales', fields.uiLocales)}<div class="actions">
<button type="submit" class="primary" name="decision" value="logout" autofocus>${escapeHtml(messages.signOut)}</button>
<button type="submit" name="decision" value="stay">${escapeHtml(messages.stay)}</button>
</div>
</form>`,
  );
}

/** Shown once the session has ended (or when there was none) and no redirect is allowed. */
export function signedOutPage(messages: LogoutMessages): DirectResponse {
  return page(
    200,
    messages,
    messages.signedOutTitle,
    `<p class="lead">${escapeHtml(messages.signedOutLead)}</p>`,
  );
}

/** The user chose to stay signed in. */
export function stayedSignedInPage(messages: LogoutMessages): DirectResponse {
  return page(
    200,
    messages,
    messages.stayedTitle,
    `<p class="lead">${escapeHtml(messages.stayedLead)}</p>`,
  );
}

/** A refused sign-out request: an error page, never a redirect (RP-Initiated Logout 1.0 §3). */
export function logoutErrorPage(
  status: number,
  messages: LogoutMessages,
  reason: LogoutErrorReason,
): DirectResponse {
  return page(
    status,
    messages,
    messages.failedTitle,
    `<p class="error" role="alert">${escapeHtml(messages.errors[reason])}</p>`,
  );
}

/**
 * The redirect to a registered `post_logout_redirect_uri`, with `state` appended (RP-Initiated
 * Logout 1.0 §3); the registered URI is kept byte for byte. 303 after a form post.
 */
export function postLogoutRedirect(
  uri: string,
  state: string | undefined,
  status: 302 | 303,
): DirectResponse {
  const location =
    state === undefined
      ? uri
      : `${uri}${uri.includes('?') ? '&' : '?'}state=${encodeURIComponent(state)}`;
  return new DirectResponse(status, { location, 'cache-control': 'no-store', pragma: 'no-cache' });
}
