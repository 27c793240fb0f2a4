import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthleteResponseInterceptor } from './authlete-response.interceptor';
import { ClientRequestReader } from './client-request.reader';
import { outboundConfig } from '../config/outbound.config';
import { OAuthExceptionFilter } from './oauth-exception.filter';
import { OutboundUrlGuard } from './outbound-url-guard';
import { RoutePolicyGuard } from './route-policy/route-policy.guard';

/**
 * The shared transport layer: the route-policy guard, the action-map interceptor, the OAuth error
 * filter, request readers, and the SSRF guard of URLs clients register ({@link OutboundUrlGuard}).
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(outboundConfig)],
  providers: [
    ClientRequestReader,
    OutboundUrlGuard,
    { provide: APP_GUARD, useClass: RoutePolicyGuard },
    { provide: APP_INTERCEPTOR, useClass: AuthleteResponseInterceptor },
    { provide: APP_FILTER, useClass: OAuthExceptionFilter },
  ],
  exports: [ClientRequestReader, OutboundUrlGuard],
})
export class HttpLayerModule {}
