import { Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type {
  CredentialOfferCreateResponse,
  CredentialOfferInfoResponse,
} from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import type { DirectResponse } from '../../http/direct-response';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { checkOfferAdmin, offerCreateRequest } from './offer-request';
import { VCI_OFFER_CREATE_ACTIONS, VCI_OFFER_INFO_ACTIONS } from './vci.actions';
import { VciOffersService } from './vci-offers.service';

/**
 * Credential offers (OpenID for Verifiable Credential Issuance 1.0 §4.1): `POST /api/vci/offers`
 * (administrator), `GET /api/vci/offer/{id}` (the `credential_offer_uri`, §4.1.3) and
 * `GET /api/vci/offer/{id}/page` (the `openid-credential-offer://` link for a person).
 */
@Controller('api/vci')
@RateLimitClass('vci-offer')
export class VciOffersController {
  constructor(private readonly offers: VciOffersService) {}

  @Post('offers')
  @HttpCode(201)
  @AuthleteActions(VCI_OFFER_CREATE_ACTIONS)
  create(@Req() request: FastifyRequest): Promise<CredentialOfferCreateResponse> {
    checkOfferAdmin(request, this.offers.config);
    return this.offers.create(offerCreateRequest(request));
  }

  @Get('offer/:id')
  @AuthleteActions(VCI_OFFER_INFO_ACTIONS)
  document(@Param('id') id: string): Promise<CredentialOfferInfoResponse> {
    return this.offers.document(id);
  }

  @Get('offer/:id/page')
  @AuthleteActions(VCI_OFFER_INFO_ACTIONS)
  page(@Param('id') id: string): Promise<CredentialOfferInfoResponse | DirectResponse> {
    return this.offers.page(id);
  }
}
