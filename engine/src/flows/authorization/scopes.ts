import { SCOPE_CLAIMS } from '../../../../contract';
import type { Client } from '../../model/client';
import type { Scope, Service } from '../../model/service';

/**
 * The requested scopes the service supports and the client may request, as Scope objects; the
 * service's default scopes when the request names none (authlete-api.md §4.1, §11.10).
 */
export function filterScopes(service: Service, client: Client, requested: string[]): Scope[] {
  const allowed = (scope: Scope): boolean =>
    client.requestableScopes === undefined || client.requestableScopes.has(scope.name);
  if (requested.length === 0) {
    return [...service.scopes.values()].filter((scope) => scope.defaultEntry && allowed(scope));
  }
  return requested
    .map((name) => service.scopes.get(name))
    .filter((scope): scope is Scope => scope !== undefined && allowed(scope));
}

/** Scope names a client may be granted without an authorization request (client credentials, password, refresh). */
export function filterScopeNames(service: Service, client: Client, requested: string[]): string[] {
  return filterScopes(service, client, requested).map((scope) => scope.name);
}

/** Claim names implied by `profile`, `email`, `address` and `phone` among the scopes. */
export function shortcutClaimNames(scopes: readonly string[]): string[] {
  return scopes.flatMap((scope) => SCOPE_CLAIMS[scope] ?? []);
}

/** Distinct claim names whose base name (before `#`) the service supports; all when it lists none. */
export function supportedClaimNames(service: Service, names: readonly string[]): string[] {
  const distinct = [...new Set(names)];
  if (service.supportedClaims.length === 0) return distinct;
  const supported = claimSetOf(service.supportedClaims);
  return distinct.filter((name) => {
    const hash = name.indexOf('#');
    return supported.has(hash < 0 ? name : name.slice(0, hash));
  });
}

/** The service's `supportedClaims` as a set, built once per configured list. */
const claimSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function claimSetOf(claims: readonly string[]): ReadonlySet<string> {
  let set = claimSets.get(claims);
  if (set === undefined) {
    set = new Set(claims);
    claimSets.set(claims, set);
  }
  return set;
}
