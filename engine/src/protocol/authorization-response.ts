import type { ResponseMode } from '../model/enums';
import type { Service } from '../model/service';
import { escapeHtml } from './html';

/** Where and how an authorization response goes back to the client. */
export interface ResponseTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}

/** An authorization response as Authlete returns it: a redirect URL or an HTML form. */
export interface DeliveredResponse {
  action: 'LOCATION' | 'FORM';
  responseContent: string;
}

function encodeParameters(parameters: [string, string][]): string {
  return parameters
    .map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`)
    .join('&');
}

/** The OAuth 2.0 Form Post Response Mode page: auto-submits the parameters to the redirect URI. */
function formPostPage(redirectUri: string, parameters: [string, string][]): string {
  const inputs = parameters
    .map(
      ([name, value]) =>
        `      <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}"/>`,
    )
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html>',
    '  <head>',
    '    <meta charset="utf-8">',
    '    <title>Submit This Form</title>',
    '  </head>',
    '  <body onload="javascript:document.forms[0].submit()">',
    `    <form method="post" action="${escapeHtml(redirectUri)}">`,
    inputs,
    '      <noscript><input type="submit" value="Continue"/></noscript>',
    '    </form>',
    '  </body>',
    '</html>',
  ].join('\n');
}

/**
 * Delivers authorization response parameters per the response mode, adding `state` and `iss`
 * (RFC 9207, unless the service sets issSuppressed): a LOCATION URL with the parameters in the
 * query or fragment, or a FORM page for form_post (authlete-api.md §4.1, §11.2).
 */
export function deliverAuthorizationResponse(
  service: Service,
  target: ResponseTarget,
  parameters: [string, string][],
): DeliveredResponse {
  const all: [string, string][] = [...parameters];
  if (target.state !== undefined) all.push(['state', target.state]);
  if (!service.issSuppressed) all.push(['iss', service.issuer]);
  if (target.responseMode === 'form_post') {
    return { action: 'FORM', responseContent: formPostPage(target.redirectUri, all) };
  }
  const encoded = encodeParameters(all);
  if (target.responseMode === 'fragment') {
    return { action: 'LOCATION', responseContent: `${target.redirectUri}#${encoded}` };
  }
  const separator = target.redirectUri.includes('?') ? '&' : '?';
  return { action: 'LOCATION', responseContent: `${target.redirectUri}${separator}${encoded}` };
}
