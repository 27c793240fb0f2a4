import type { AuthorizationRequest } from '../../model/authorization-request';
import type { ManagedGrant } from '../../model/managed-grant';
import { randomToken } from '../../protocol/secrets';
import type { EngineContext } from '../../context/engine-context';
import type { Grant } from '../../store/records';

/** What the user granted in this authorization. */
export interface GrantedNow {
  subject: string;
  scopes: string[];
  claims: string[];
  tokens: Grant;
}

function keep(context: EngineContext, grant: ManagedGrant): void {
  grant.expiresAt = context.now() + context.service.durations.refreshToken * 1000;
}

/**
 * Performs the request's grant management action at issue time (FAPI Grant Management §5.1):
 * `create` makes a new grant; `merge` adds this authorization's scopes and claims to the named
 * grant; `replace` makes them the grant's whole content. As in Authlete, `merge` and `replace` are
 * not performed when the user differs from the grant's user. Returns the grant id to report.
 */
export function applyGrantManagement(
  context: EngineContext,
  request: AuthorizationRequest,
  granted: GrantedNow,
): string | undefined {
  if (request.gmAction === undefined) return undefined;
  if (request.gmAction === 'CREATE') {
    const grant: ManagedGrant = {
      expiresAt: 0,
      grantId: randomToken(),
      clientId: request.client.clientId,
      subject: granted.subject,
      scopes: new Set(granted.scopes),
      claims: new Set(granted.claims),
      resources: new Set(request.resources),
      tokenGrants: [granted.tokens],
    };
    keep(context, grant);
    context.stores.grants.add(grant.grantId, grant);
    return grant.grantId;
  }
  const grant =
    request.grantId === undefined ? undefined : context.stores.grants.get(request.grantId);
  if (grant === undefined || grant.subject !== granted.subject) return undefined;
  if (request.gmAction === 'REPLACE') {
    grant.scopes.clear();
    grant.claims.clear();
    grant.resources.clear();
  }
  for (const scope of granted.scopes) grant.scopes.add(scope);
  for (const claim of granted.claims) grant.claims.add(claim);
  for (const resource of request.resources ?? []) grant.resources.add(resource);
  grant.tokenGrants.push(granted.tokens);
  keep(context, grant);
  return grant.grantId;
}
