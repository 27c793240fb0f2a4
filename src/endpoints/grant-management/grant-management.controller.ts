import { Controller, Delete, Get, Param, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { GMRequest, GMResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { extractAccessToken } from '../../http/extractors/access-token';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { GRANT_MANAGEMENT_ACTIONS } from './grant-management.actions';
import { GrantManagementService } from './grant-management.service';

const NO_FORM = { raw: '', params: new URLSearchParams() };

/**
 * The grant management endpoint (FAPI Grant Management for OAuth 2.0 §6): `GET /api/gm/{grant_id}`
 * queries a grant, `DELETE` revokes it, both through `/gm` with the client's access token
 * (scope `grant_management_query` / `grant_management_revoke`), its DPoP proof and mTLS
 * certificate passed on for Authlete to check.
 */
@Controller('api/gm')
@RateLimitClass('gm')
export class GrantManagementController {
  constructor(
    private readonly grants: GrantManagementService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Get(':grantId')
  @AuthleteActions(GRANT_MANAGEMENT_ACTIONS)
  query(@Req() request: FastifyRequest, @Param('grantId') grantId: string): Promise<GMResponse> {
    return this.grants.manage(this.gmRequest(request, 'QUERY', grantId));
  }

  @Delete(':grantId')
  @AuthleteActions(GRANT_MANAGEMENT_ACTIONS)
  revoke(@Req() request: FastifyRequest, @Param('grantId') grantId: string): Promise<GMResponse> {
    return this.grants.manage(this.gmRequest(request, 'REVOKE', grantId));
  }

  private gmRequest(
    request: FastifyRequest,
    gmAction: 'QUERY' | 'REVOKE',
    grantId: string,
  ): GMRequest {
    const presented = extractAccessToken(request, NO_FORM);
    const gm: GMRequest = { gmAction, grantId };
    if (presented !== undefined) gm.accessToken = presented.token;
    if (presented?.dpop !== undefined) {
      Object.assign(gm, { dpop: presented.dpop }, this.clients.target(request));
    }
    const certificate = this.clients.certificate(request);
    if (certificate !== undefined) gm.clientCertificate = certificate;
    return gm;
  }
}
