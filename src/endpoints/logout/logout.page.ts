import { DirectResponse } from '../../http/direct-response';

const HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html;charset=UTF-8',
  'content-security-policy':
    "default-src 'self'; script-src 'none'; style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  pragma: 'no-cache',
};

function page(status: number, title: string, body: string): DirectResponse {
  const document = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/assets/oauth.css">
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>
`;
  return new DirectResponse(status, HEADERS, document);
}

/** The sign-out confirmation form. `csrf` is a base64url token, so it needs no escaping. */
export function confirmLogoutPage(csrf: string): DirectResponse {
  if (!/^[A-Za-z0-9_-]+$/.test(csrf)) throw new Error('unexpected CSRF token format');
  return page(
    200,
    'Sign out',
    `<form method="post" action="/api/logout">
<input type="hidden" name="csrf" value="${csrf}">
<div class="actions"><button type="submit" class="primary">Sign out</button></div>
</form>`,
  );
}

/** Shown once the session has ended (or when there was none). */
export function signedOutPage(): DirectResponse {
  return page(200, 'You have signed out', '<p class="lead">You can close this window.</p>');
}

/** A sign-out post whose CSRF token did not match. */
export function logoutForbiddenPage(): DirectResponse {
  return page(
    403,
    'Sign out failed',
    '<p class="error" role="alert">The form could not be verified.</p>',
  );
}
