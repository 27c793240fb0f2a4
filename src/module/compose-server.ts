import type { DynamicModule, Type } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { RouterModule } from '@nestjs/core';
import { serverModules } from '../app.module';
import { appConfig, type AppConfig } from '../config/app.config';
import { normaliseRoutePrefix, RoutePrefix } from '../config/route-prefix';
import { resolveServerFiles, ServerFiles } from '../config/server-files';
import { userStoreConfig } from '../config/user-store.config';
import { vciConfig } from '../config/vci.config';
import { CredentialIssuancePolicy } from '../grants/credential-issuance-policy';
import { EndpointsModule } from '../endpoints/endpoints.module';
import { TokenExchangePolicy } from '../grants/token-exchange-policy';
import { StoreSpaces } from '../session/store-spaces';
import { UserAuthenticator } from '../users/user-authenticator';
import {
  AUTHORIZATION_SERVER_OPTIONS,
  type AuthorizationServerExtras,
  type AuthorizationServerOptions,
} from './authorization-server.options';
import { fastifyIntegration } from './fastify-integration';
import { HostSetupError } from './fastify-setup';
import { portProviders } from './port-providers';
import { shippedConfigDir } from './shipped-config-dir';

/** The endpoint modules `EndpointsModule` lists (read from its metadata, so the list stays there). */
function endpointModules(): Type[] {
  const imports = (Reflect.getMetadata('imports', EndpointsModule) ?? []) as unknown[];
  return imports.flatMap((entry) => {
    if (typeof entry === 'function') return [entry as Type];
    const module = (entry as Partial<DynamicModule> | undefined)?.module;
    return module === undefined ? [] : [module];
  });
}

/** Mounts every endpoint under the prefix (Nest's RouterModule); nothing for no prefix. */
function prefixedRoutes(prefix: string): DynamicModule[] {
  if (prefix === '') return [];
  return [
    RouterModule.register([{ path: prefix, module: EndpointsModule, children: endpointModules() }]),
  ];
}

/**
 * The advertised endpoint URLs are the issuer followed by the endpoint paths (the embedded engine
 * builds them so), so the issuer must end with the prefix.
 */
function checkedPrefix(prefix: string, config: AppConfig): RoutePrefix {
  if (!new URL(config.issuer).pathname.replace(/\/+$/, '').endsWith(prefix)) {
    throw new HostSetupError(
      `the routes are mounted under ${prefix} but ISSUER ${config.issuer} does not end with it; set ISSUER to e.g. ${new URL(config.issuer).origin}${prefix}`,
    );
  }
  return { path: prefix };
}

/**
 * Completes the dynamic module `forRoot` / `forRootAsync` produce (design.md §2): the server's
 * modules, the endpoints under the route prefix, the ports, the configuration files and the
 * Fastify set-up. Global, so the endpoints and the host's guards see the ports.
 */
export function composeServer(
  definition: DynamicModule,
  extras: AuthorizationServerExtras,
): DynamicModule {
  const prefix = normaliseRoutePrefix(extras.routePrefix ?? process.env['ROUTE_PREFIX']);
  const exported = [
    UserAuthenticator,
    TokenExchangePolicy,
    CredentialIssuancePolicy,
    StoreSpaces,
    ServerFiles,
    RoutePrefix,
  ];
  return {
    ...definition,
    global: true,
    imports: [
      ...serverModules({ logDestination: extras.logDestination }),
      ConfigModule.forFeature(userStoreConfig),
      ConfigModule.forFeature(vciConfig),
      ...prefixedRoutes(prefix),
      ...(definition.imports ?? []),
    ],
    providers: [
      ...(definition.providers ?? []),
      {
        provide: ServerFiles,
        inject: [AUTHORIZATION_SERVER_OPTIONS],
        useFactory: (options: AuthorizationServerOptions) =>
          resolveServerFiles(options.files ?? {}, process.env, shippedConfigDir()),
      },
      {
        provide: RoutePrefix,
        inject: [appConfig.KEY],
        useFactory: (config: AppConfig) => checkedPrefix(prefix, config),
      },
      ...portProviders,
      fastifyIntegration,
    ],
    exports: [...(definition.exports ?? []), ...exported],
  };
}
