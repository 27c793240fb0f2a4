import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { vciConfig } from '../../config/vci.config';
import { CredentialClaims } from './credential-claims';
import { CredentialController } from './credential.controller';
import { CredentialService } from './credential.service';
import { VciDocumentsController } from './vci-documents.controller';
import { VciDocumentsService } from './vci-documents.service';
import { VciOffersController } from './vci-offers.controller';
import { VciOffersService } from './vci-offers.service';

/**
 * OpenID for Verifiable Credential Issuance 1.0 over Authlete's `/vci/*` APIs: issuer metadata,
 * offers, nonces, the credential and deferred credential endpoints (docs/vci.md).
 */
@Module({
  imports: [ConfigModule.forFeature(vciConfig)],
  controllers: [VciDocumentsController, VciOffersController, CredentialController],
  providers: [VciDocumentsService, VciOffersService, CredentialService, CredentialClaims],
})
export class VciModule {}
