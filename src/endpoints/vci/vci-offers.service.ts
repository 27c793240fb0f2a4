import { Inject, Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type {
  CredentialOfferCreateRequest,
  CredentialOfferCreateResponse,
  CredentialOfferInfoResponse,
} from '../../authlete/types';
import { vciConfig, type VciConfig } from '../../config/vci.config';
import type { DirectResponse } from '../../http/direct-response';
import { createdOfferContent, offerPage } from './offer-links';

/**
 * Credential offers (OID4VCI 1.0 §4.1): created by the administrator through `/vci/offer/create`,
 * served by reference and as a page through `/vci/offer/info`.
 */
@Injectable()
export class VciOffersService {
  constructor(
    private readonly authlete: AuthleteService,
    @Inject(vciConfig.KEY) readonly config: VciConfig,
  ) {}

  /** Creates an offer; CREATED carries the offer, its URI, link, page and `tx_code`. */
  async create(request: CredentialOfferCreateRequest): Promise<CredentialOfferCreateResponse> {
    const created = await this.authlete.call('credentialOfferCreate', request);
    if (created.action !== 'CREATED' || created.info === undefined) return created;
    return { ...created, responseContent: createdOfferContent(created.info) };
  }

  /** The offer JSON for its `credential_offer_uri` (OID4VCI 1.0 §4.1.3). */
  async document(identifier: string): Promise<CredentialOfferInfoResponse> {
    const answer = await this.authlete.call('credentialOfferInfo', { identifier });
    if (answer.action !== 'OK' || answer.info === undefined) return answer;
    return { ...answer, responseContent: answer.info.credentialOffer };
  }

  /** The offer page with its `openid-credential-offer://` link, or the refusal. */
  async page(identifier: string): Promise<CredentialOfferInfoResponse | DirectResponse> {
    const answer = await this.authlete.call('credentialOfferInfo', { identifier });
    if (answer.action !== 'OK' || answer.info === undefined) return answer;
    return offerPage(answer.info);
  }
}
