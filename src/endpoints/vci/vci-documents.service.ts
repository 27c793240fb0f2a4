import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type {
  CredentialIssuerMetadataResponse,
  CredentialNonceResponse,
} from '../../authlete/types';

/**
 * The credential issuer's documents (OID4VCI 1.0 §12.2; SD-JWT VC §5) and nonces (§7), each one
 * call to its `/vci/*` API whose action map answers it.
 */
@Injectable()
export class VciDocumentsService {
  constructor(private readonly authlete: AuthleteService) {}

  /** `/vci/metadata`: the credential issuer metadata. */
  metadata(): Promise<CredentialIssuerMetadataResponse> {
    return this.authlete.call('credentialIssuerMetadata', {});
  }

  /** `/vci/jwtissuer`: the JWT VC issuer metadata. */
  jwtIssuer(): Promise<CredentialIssuerMetadataResponse> {
    return this.authlete.call('credentialJwtIssuerMetadata', {});
  }

  /** `/vci/jwks`: the keys credentials are signed with. */
  jwks(): Promise<CredentialIssuerMetadataResponse> {
    return this.authlete.call('credentialIssuerJwks', {});
  }

  /** `/vci/nonce`: a fresh `c_nonce`. */
  nonce(): Promise<CredentialNonceResponse> {
    return this.authlete.call('credentialNonce', {});
  }
}
