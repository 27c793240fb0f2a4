import { Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { AuthleteResponseInterceptor } from './authlete-response.interceptor';
import { ClientRequestReader } from './client-request.reader';
import { OAuthExceptionFilter } from './oauth-exception.filter';
import { RoutePolicyInterceptor } from './route-policy/route-policy.interceptor';

/**
 * The shared transport layer: route-policy and action-map interceptors, OAuth error filter, request
 * readers.
 */
@Global()
@Module({
  providers: [
    ClientRequestReader,
    { provide: APP_INTERCEPTOR, useClass: RoutePolicyInterceptor },
    { provide: APP_INTERCEPTOR, useClass: AuthleteResponseInterceptor },
    { provide: APP_FILTER, useClass: OAuthExceptionFilter },
  ],
  exports: [ClientRequestReader],
})
export class HttpLayerModule {}
