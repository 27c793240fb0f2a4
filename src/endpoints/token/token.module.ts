import { Module } from '@nestjs/common';
import { ExchangeTokens } from './grants/exchange-tokens';
import { IdTokenReissuer } from './grants/id-token-reissuer';
import { JwtBearerGrant } from './grants/jwt-bearer-grant';
import { NativeSsoCompleter } from './grants/native-sso-completer';
import { TokenExchanger } from './grants/token-exchanger';
import { TokenController } from './token.controller';
import { TokenService } from './token.service';

/**
 * Token endpoint module (RFC 6749 §3.2), with the grants the service completes itself: token
 * exchange (RFC 8693), JWT bearer (RFC 7523), ID token reissue and Native SSO.
 */
@Module({
  controllers: [TokenController],
  providers: [
    TokenService,
    ExchangeTokens,
    TokenExchanger,
    JwtBearerGrant,
    IdTokenReissuer,
    NativeSsoCompleter,
  ],
})
export class TokenModule {}
