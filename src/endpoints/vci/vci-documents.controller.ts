import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import type {
  CredentialIssuerMetadataResponse,
  CredentialNonceResponse,
} from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { VCI_DOCUMENT_ACTIONS } from './vci.actions';
import { VciDocumentsService } from './vci-documents.service';

/**
 * The credential issuer's public documents: `/.well-known/openid-credential-issuer` (OID4VCI 1.0
 * §12.2.2), `/.well-known/jwt-vc-issuer` and the JWK Set it names (SD-JWT VC §5), and the nonce
 * endpoint (OID4VCI 1.0 §7, `POST`, never cached).
 */
@Controller()
export class VciDocumentsController {
  constructor(private readonly documents: VciDocumentsService) {}

  @Get('.well-known/openid-credential-issuer')
  @UnavailableAs503()
  @AuthleteActions(VCI_DOCUMENT_ACTIONS)
  metadata(): Promise<CredentialIssuerMetadataResponse> {
    return this.documents.metadata();
  }

  @Get('.well-known/jwt-vc-issuer')
  @UnavailableAs503()
  @AuthleteActions(VCI_DOCUMENT_ACTIONS)
  jwtIssuer(): Promise<CredentialIssuerMetadataResponse> {
    return this.documents.jwtIssuer();
  }

  @Get('api/vci/jwks')
  @UnavailableAs503()
  @AuthleteActions(VCI_DOCUMENT_ACTIONS)
  jwks(): Promise<CredentialIssuerMetadataResponse> {
    return this.documents.jwks();
  }

  @Post('api/vci/nonce')
  @HttpCode(200)
  @RateLimitClass('vci-nonce')
  @AuthleteActions(VCI_DOCUMENT_ACTIONS)
  nonce(): Promise<CredentialNonceResponse> {
    return this.documents.nonce();
  }
}
