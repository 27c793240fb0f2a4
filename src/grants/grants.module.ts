import { HttpModule } from '@nestjs/axios';
import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { grantsConfig } from '../config/grants.config';
import { DefaultTokenExchangePolicy } from './default-token-exchange-policy';
import { TokenExchangePolicy } from './token-exchange-policy';
import { TrustedIssuers } from './trusted-issuers/trusted-issuers';
import { TrustedSubjects } from './trusted-issuers/trusted-subjects';

/** Timeout of outbound JWK Set fetches to partners, in milliseconds. */
const PARTNER_TIMEOUT_MS = 5000;

/**
 * What the grants the service completes itself need (RFC 8693, RFC 7523): the
 * {@link TokenExchangePolicy} port (the default, or the deployer's class), the trusted issuers of
 * `TRUSTED_ISSUERS_FILE` and their subject mapping. Outbound JWK Set fetches use their own
 * `@nestjs/axios` HttpService.
 */
@Module({})
export class GrantsModule {
  static forRoot(policy: Type<TokenExchangePolicy> = DefaultTokenExchangePolicy): DynamicModule {
    return {
      module: GrantsModule,
      global: true,
      imports: [
        ConfigModule.forFeature(grantsConfig),
        HttpModule.register({ timeout: PARTNER_TIMEOUT_MS, maxRedirects: 0 }),
      ],
      providers: [
        { provide: TokenExchangePolicy, useClass: policy },
        TrustedIssuers,
        TrustedSubjects,
      ],
      exports: [TokenExchangePolicy, TrustedIssuers, TrustedSubjects],
    };
  }
}
