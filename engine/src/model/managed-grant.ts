import type { Grant } from './token-grant';

/** The grant management actions an authorization request may carry (authlete-java-common `GMAction`). */
export type AuthorizationGMAction = 'CREATE' | 'MERGE' | 'REPLACE';

/**
 * A grant in the sense of FAPI Grant Management for OAuth 2.0 §3: what one user has granted one
 * client, kept across authorizations under a `grant_id`, with the token sets issued under it.
 */
export interface ManagedGrant {
  expiresAt: number;
  grantId: string;
  /** Authlete's numeric client id of the client the grant belongs to. */
  clientId: number;
  subject: string;
  scopes: Set<string>;
  claims: Set<string>;
  resources: Set<string>;
  /** Every token set issued under this grant; revoking the grant revokes them all. */
  tokenGrants: Grant[];
}

/** The grant as Authlete's `Grant` DTO in envelopes (`scopes[{scope, resource}]`, `claims`). */
export function grantDto(grant: ManagedGrant): Record<string, unknown> {
  const scope = [...grant.scopes].join(' ');
  const resource = grant.resources.size > 0 ? [...grant.resources] : undefined;
  return {
    scopes: scope === '' ? undefined : [{ scope, resource }],
    claims: grant.claims.size > 0 ? [...grant.claims] : undefined,
  };
}

/** The grant as the GM query response (FAPI Grant Management §6.2; Authlete `GrantSerializer`). */
export function grantJson(grant: ManagedGrant): string {
  return JSON.stringify(grantDto(grant));
}
