import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthleteResponseInterceptor } from './authlete-response.interceptor';
import { ClientRequestReader } from './client-request.reader';
import { outboundConfig } from '../config/outbound.config';
import { OAuthExceptionFilter } from './oauth-exception.filter';
import { OutboundUrlGuard } from './outbound-url-guard';
import { RoutePolicyInterceptor } from './route-policy/route-policy.interceptor';

/**
 * The shared transport layer: route-policy and action-map interceptors, OAuth error filter, request
 * readers, and the SSRF guard of URLs clients register ({@link OutboundUrlGuard}).
 */
@Global()
@Module({
  imports: [ConfigModule.forFeature(outboundConfig)],
  providers: [
    ClientRequestReader,
    OutboundUrlGuard,
    { provide: APP_INTERCEPTOR, useClass: RoutePolicyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuthleteResponseInterceptor },
    { provide: APP_FILTER, useClass: OAuthExceptionFilter },
  ],
  exports: [ClientRequestReader, OutboundUrlGuard],
})
export class HttpLayerModule {}
