import type { Client } from '../../model/client';
import type { Service } from '../../model/service';
import type { FormParams } from '../../protocol/form-params';
import type { AuthleteScope } from '../../../../contract';
import { filterScopes } from '../authorization/scopes';

/** The outcome of checking `scope` at a device or backchannel authorization request. */
export type ScopeCheck = { ok: true; scopes: AuthleteScope[] } | { ok: false; unknown: string };

/**
 * Checks the space-separated `scope` parameter (RFC 6749 §3.3): every value must be one the
 * service supports and the client may request, else `invalid_scope` names the first offender;
 * without `scope` the service's default scopes apply.
 */
export function requestedScopes(service: Service, client: Client, params: FormParams): ScopeCheck {
  const requested = (params.get('scope') ?? '').split(' ').filter((name) => name !== '');
  const scopes = filterScopes(service, client, [...new Set(requested)]);
  const unknown = requested.find((name) => !scopes.some((scope) => scope.name === name));
  if (unknown !== undefined) return { ok: false, unknown };
  return { ok: true, scopes: scopes.map((scope) => ({ ...scope })) };
}

/** Space-separated `acr_values` (OIDC Core §3.1.2.1), undefined when absent. */
export function requestedAcrs(params: FormParams): string[] | undefined {
  const acrs = (params.get('acr_values') ?? '').split(' ').filter((value) => value !== '');
  return acrs.length > 0 ? acrs : undefined;
}
