import { HttpModule } from '@nestjs/axios';
import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { grantsConfig } from '../config/grants.config';
import { vciConfig } from '../config/vci.config';
import { TrustedIssuers } from './trusted-issuers/trusted-issuers';
import { TrustedSubjects } from './trusted-issuers/trusted-subjects';

/** Timeout of outbound JWK Set fetches to partners, in milliseconds. */
const PARTNER_TIMEOUT_MS = 5000;

/**
 * What the grants the service completes itself need (RFC 8693, RFC 7523, OID4VCI 1.0): the trusted
 * issuers of `TRUSTED_ISSUERS_FILE` and their subject mapping (the `TokenExchangePolicy` and
 * `CredentialIssuancePolicy` ports are provided by the composition root). Outbound JWK Set fetches use their own
 * `@nestjs/axios` HttpService.
 */
@Global()
@Module({
  imports: [
    ConfigModule.forFeature(grantsConfig),
    ConfigModule.forFeature(vciConfig),
    HttpModule.register({ timeout: PARTNER_TIMEOUT_MS, maxRedirects: 0 }),
  ],
  providers: [TrustedIssuers, TrustedSubjects],
  exports: [TrustedIssuers, TrustedSubjects],
})
export class GrantsModule {}
