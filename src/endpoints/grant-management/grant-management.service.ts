import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { GMRequest, GMResponse } from '../../authlete/types';

/**
 * Grant management (FAPI Grant Management for OAuth 2.0 §6): the query or revocation, with the
 * client's access token, DPoP proof and certificate, goes to `/gm`, which checks the token's
 * `grant_management_query` / `grant_management_revoke` scope; the action map answers its action.
 */
@Injectable()
export class GrantManagementService {
  constructor(private readonly authlete: AuthleteService) {}

  /** Queries or revokes the grant named in `request`. */
  manage(request: GMRequest): Promise<GMResponse> {
    return this.authlete.call('grantManagement', request);
  }
}
