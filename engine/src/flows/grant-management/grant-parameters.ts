import type { FormParams } from '../../protocol/form-params';
import type { EngineContext } from '../../context/engine-context';
import type { Client } from '../../model/client';
import type { AuthorizationGMAction, ManagedGrant } from '../../model/managed-grant';

const ACTIONS: Readonly<Record<string, AuthorizationGMAction>> = {
  create: 'CREATE',
  merge: 'MERGE',
  replace: 'REPLACE',
};

/** The grant management part of a valid authorization request. */
export interface RequestedGrantManagement {
  gmAction?: AuthorizationGMAction;
  grantId?: string;
  grant?: ManagedGrant;
}

/** An invalid combination: the OAuth error and the description. */
export interface GrantParameterProblem {
  code: string;
  error: 'invalid_request' | 'invalid_grant_id';
  text: string;
}

/**
 * Reads `grant_management_action` and `grant_id` (FAPI Grant Management for OAuth 2.0 §5.1):
 * `create` takes no grant_id; `merge` and `replace` need the id of a live grant of this client
 * (else `invalid_grant_id`, §5.3); a grant_id alone is refused, and so is a missing action when
 * the service sets grantManagementActionRequired.
 */
export function readGrantParameters(
  context: EngineContext,
  params: FormParams,
  client: Client,
): RequestedGrantManagement | GrantParameterProblem {
  const rawAction = params.get('grant_management_action');
  const grantId = params.get('grant_id');
  if (rawAction === undefined) {
    if (grantId !== undefined) {
      return {
        code: 'A009331',
        error: 'invalid_request',
        text: "'grant_id' needs 'grant_management_action'.",
      };
    }
    if (context.service.grantManagementActionRequired) {
      return {
        code: 'A009332',
        error: 'invalid_request',
        text: "The 'grant_management_action' parameter is required.",
      };
    }
    return {};
  }
  const gmAction = ACTIONS[rawAction];
  if (gmAction === undefined) {
    return {
      code: 'A009333',
      error: 'invalid_request',
      text: `The grant management action '${rawAction}' is not supported.`,
    };
  }
  if (gmAction === 'CREATE') {
    if (grantId !== undefined) {
      return {
        code: 'A009334',
        error: 'invalid_request',
        text: "'grant_id' must not be sent with the 'create' action.",
      };
    }
    return { gmAction };
  }
  if (grantId === undefined) {
    return {
      code: 'A009335',
      error: 'invalid_request',
      text: `The '${rawAction}' action needs 'grant_id'.`,
    };
  }
  const grant = context.stores.grants.get(grantId);
  if (grant === undefined || grant.clientId !== client.clientId) {
    return {
      code: 'A009336',
      error: 'invalid_grant_id',
      text: `The grant ID '${grantId}' is unknown or belongs to another client.`,
    };
  }
  return { gmAction, grantId, grant };
}

/** Type guard for {@link GrantParameterProblem}. */
export function isGrantProblem(
  value: RequestedGrantManagement | GrantParameterProblem,
): value is GrantParameterProblem {
  return 'error' in value;
}
