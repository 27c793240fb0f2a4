import { Module } from '@nestjs/common';
import { ConfigurableModuleClass } from './authorization-server.module-definition';

/**
 * The authorization server as one Nest module (design.md §2): import
 * `AuthorizationServerModule.forRoot(options)` or `forRootAsync({ imports, inject, useFactory })`
 * into a Fastify-based Nest application and it serves every endpoint (RFC 6749, OIDC Core, …),
 * with your `UserAuthenticator` and other ports (`AuthorizationServerOptions`). `npm start` is a
 * thin host of this module (src/main.ts).
 */
@Module({})
export class AuthorizationServerModule extends ConfigurableModuleClass {}
