import { HttpModule } from '@nestjs/axios';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { grantsConfig } from '../config/grants.config';
import { vciConfig } from '../config/vci.config';
import { CredentialIssuancePolicy } from './credential-issuance-policy';
import { DefaultCredentialIssuancePolicy } from './default-credential-issuance-policy';
import { DefaultTokenExchangePolicy } from './default-token-exchange-policy';
import { TokenExchangePolicy } from './token-exchange-policy';
import { TrustedIssuers } from './trusted-issuers/trusted-issuers';
import { TrustedSubjects } from './trusted-issuers/trusted-subjects';

/** Timeout of outbound JWK Set fetches to partners, in milliseconds. */
const PARTNER_TIMEOUT_MS = 5000;

/**
 * What the grants the service completes itself need (RFC 8693, RFC 7523, OID4VCI 1.0): the
 * {@link TokenExchangePolicy} and {@link CredentialIssuancePolicy} ports (the defaults, or the
 * deployer's classes), the trusted issuers of
 * `TRUSTED_ISSUERS_FILE` and their subject mapping. Outbound JWK Set fetches use their own
 * `@nestjs/axios` HttpService.
 */
@Module({})
export class GrantsModule {
  static forRoot(
    policy: Type<TokenExchangePolicy> = DefaultTokenExchangePolicy,
    credentialPolicy: Type<CredentialIssuancePolicy> = DefaultCredentialIssuancePolicy,
  ): DynamicModule {
    return {
      module: GrantsModule,
      global: true,
      imports: [
        ConfigModule.forFeature(grantsConfig),
        ConfigModule.forFeature(vciConfig),
        HttpModule.register({ timeout: PARTNER_TIMEOUT_MS, maxRedirects: 0 }),
      ],
      providers: [
        { provide: TokenExchangePolicy, useClass: policy },
        { provide: CredentialIssuancePolicy, useClass: credentialPolicy },
        TrustedIssuers,
        TrustedSubjects,
      ],
      exports: [TokenExchangePolicy, CredentialIssuancePolicy, TrustedIssuers, TrustedSubjects],
    };
  }
}
