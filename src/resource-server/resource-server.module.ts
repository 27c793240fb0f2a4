import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthleteBearerGuard } from './authlete-bearer.guard';
import { AuthleteBearerStrategy } from './authlete-bearer.strategy';
import { BearerErrorFilter } from './bearer-error.filter';
import { LocalTokenIntrospector } from './local-token-introspector';
import { RemoteTokenIntrospector } from './remote-token-introspector';
import { RESOURCE_SERVER_OPTIONS, type ResourceServerOptions } from './resource-server.options';
import { TokenIntrospector } from './token-introspector';

/**
 * Protects a host's routes with `@RequireScopes(...)` (RFC 6750, RFC 9449, RFC 8705 through
 * Authlete introspection): the passport strategy `authlete-bearer`, its guard and the filter that
 * writes the challenges. Import it next to `AuthorizationServerModule` (local introspection), or
 * alone with `remote` in a separate service.
 */
/** Stops start-up on a `publicUrl` that cannot be the base of a DPoP `htu` (RFC 9449 §4.2). */
function checkPublicUrl(value: string | undefined): void {
  if (value === undefined) return;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url === undefined || !['http:', 'https:'].includes(url.protocol) || url.search || url.hash) {
    throw new Error(
      `ResourceServerModule: publicUrl must be an absolute http(s) URL without query or fragment, not "${value}"`,
    );
  }
}

@Module({})
export class ResourceServerModule {
  static forRoot(options: ResourceServerOptions = {}): DynamicModule {
    checkPublicUrl(options.publicUrl);
    const introspector =
      options.remote === undefined
        ? { provide: TokenIntrospector, useClass: LocalTokenIntrospector }
        : { provide: TokenIntrospector, useValue: new RemoteTokenIntrospector(options.remote) };
    return {
      module: ResourceServerModule,
      global: true,
      imports: [PassportModule],
      providers: [
        { provide: RESOURCE_SERVER_OPTIONS, useValue: options },
        introspector,
        AuthleteBearerStrategy,
        AuthleteBearerGuard,
        { provide: APP_FILTER, useClass: BearerErrorFilter },
      ],
      exports: [AuthleteBearerGuard, TokenIntrospector],
    };
  }
}
