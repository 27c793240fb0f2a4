import { Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { authorizationServerAdapterOptions } from '../../../../src/module/adapter-options';
import { AuthorizationServerModule } from '../../../../src/module/authorization-server.module';
import type { ResourceServerOptions } from '../../../../src/resource-server/resource-server.options';
import { ResourceServerModule } from '../../../../src/resource-server/resource-server.module';

/** A host app serving both the authorization server and protected routes, on 127.0.0.1. */
export interface ResourceHost {
  app: NestFastifyApplication;
  url: string;
}

/**
 * Starts a host that imports `AuthorizationServerModule` and `ResourceServerModule` (RFC 6750
 * guard) with `options`, serving `controllers`, on 127.0.0.1:`port` (0: any free port). The
 * environment (ISSUER, AUTHLETE_*) is the caller's, set before.
 */
export async function startResourceHost(
  controllers: Type[],
  options: ResourceServerOptions,
  port = 0,
): Promise<ResourceHost> {
  @Module({
    imports: [AuthorizationServerModule.forRoot({}), ResourceServerModule.forRoot(options)],
    controllers,
  })
  class HostModule {}
  const app = await NestFactory.create<NestFastifyApplication>(
    HostModule,
    new FastifyAdapter(authorizationServerAdapterOptions()),
    { logger: false },
  );
  await app.listen({ host: '127.0.0.1', port });
  return { app, url: await app.getUrl() };
}
