import type { Client } from '../../model/client';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

/** RFC 8252 §7.3: same loopback IP literal, scheme, path and query; any port. */
function matchesWithVariablePort(registered: string, requested: string): boolean {
  if (!URL.canParse(registered) || !URL.canParse(requested)) return false;
  const a = new URL(registered);
  const b = new URL(requested);
  return (
    a.protocol === 'http:' &&
    b.protocol === 'http:' &&
    LOOPBACK_HOSTS.has(a.hostname) &&
    a.hostname === b.hostname &&
    a.pathname === b.pathname &&
    a.search === b.search &&
    b.hash === '' &&
    b.username === '' &&
    b.password === ''
  );
}

/** The outcome of resolving `redirect_uri` (RFC 6749 §3.1.2.3, authlete-api.md §11.7). */
export type RedirectUriResolution =
  { ok: true; redirectUri: string } | { ok: false; reason: 'missing' | 'unregistered' };

/**
 * Exact string match against the registered URIs; may be omitted when exactly one is registered.
 * RFC 8252 §7.3 lets a native app's loopback redirect URI use any port (the app listens on an
 * ephemeral one), so when the service sets loopbackRedirectionUriVariable, loopback URIs of
 * clients whose applicationType is NATIVE match on any port; a web client's never do.
 */
export function resolveRedirectUri(
  client: Client,
  requested: string | undefined,
  loopbackPortVariable: boolean,
): RedirectUriResolution {
  if (requested === undefined) {
    const only = client.redirectUris.length === 1 ? client.redirectUris[0] : undefined;
    return only === undefined ? { ok: false, reason: 'missing' } : { ok: true, redirectUri: only };
  }
  if (client.redirectUris.includes(requested)) return { ok: true, redirectUri: requested };
  if (
    loopbackPortVariable &&
    client.metadata.applicationType === 'NATIVE' &&
    client.redirectUris.some((registered) => matchesWithVariablePort(registered, requested))
  ) {
    return { ok: true, redirectUri: requested };
  }
  return { ok: false, reason: 'unregistered' };
}
