import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-custom';
import type { IntrospectionRequest, IntrospectionResponse } from '../authlete/types';
import { appConfig, type AppConfig } from '../config/app.config';
import { dpopTarget } from '../http/extractors/request-url';
import { BearerError } from './bearer-error';
import { presentedToken } from './bearer-token';
import { IntrospectionCache } from './introspection-cache';
import { outcomeOf } from './introspection-outcome';
import { scopesSlot } from './required-scopes-slot';
import { RESOURCE_SERVER_OPTIONS, type ResourceServerOptions } from './resource-server.options';
import { TokenIntrospector } from './token-introspector';

/** The passport strategy name. */
export const AUTHLETE_BEARER = 'authlete-bearer';

/** What a protected route sees as `request.user`: the token's facts from introspection. */
export interface AccessTokenPrincipal {
  readonly subject?: string;
  readonly clientId?: number;
  readonly scopes: readonly string[];
  readonly expiresAt?: number;
  readonly answer: IntrospectionResponse;
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Passport strategy for protected resources (RFC 6750 §2.1, §3; RFC 9449 §7): reads the token from
 * the `Authorization` header, sends it to introspection with the DPoP proof, `htm`/`htu`, the
 * client certificate and the route's required scopes and resources, and answers the action:
 * the principal, or a {@link BearerError} with the challenge. No token at all gets a bare
 * challenge without an error code (RFC 6750 §3.1). OK answers without DPoP are cached briefly.
 */
@Injectable()
export class AuthleteBearerStrategy extends PassportStrategy(Strategy, AUTHLETE_BEARER) {
  private readonly logger = new Logger(AuthleteBearerStrategy.name);
  private readonly cache: IntrospectionCache;
  /** Where DPoP `htu` starts: the option, else the co-hosted authorization server's ISSUER. */
  private readonly publicBase?: string;

  constructor(
    private readonly introspector: TokenIntrospector,
    @Inject(RESOURCE_SERVER_OPTIONS) private readonly options: ResourceServerOptions,
    @Optional() @Inject(appConfig.KEY) app?: AppConfig,
  ) {
    super();
    this.cache = new IntrospectionCache((options.cacheTtlSeconds ?? 30) * 1000);
    this.publicBase = options.publicUrl ?? app?.issuer;
    // A remote introspection carries no proof (sender-constrained tokens are refused there).
    if (this.publicBase === undefined && options.remote === undefined) {
      this.logger.warn(
        'ResourceServerModule: no publicUrl and no ISSUER, so DPoP proofs are checked against the Host header the client sends; set publicUrl',
      );
    }
  }

  async validate(request: FastifyRequest): Promise<AccessTokenPrincipal> {
    const realm = this.options.realm === undefined ? [] : [`realm="${this.options.realm}"`];
    const presented = presentedToken(header(request, 'authorization'));
    if (presented === undefined) {
      throw new BearerError(401, 'invalid_token', ['Bearer', realm.join(', ')].join(' ').trim());
    }
    if (presented === 'malformed') {
      const params = [...realm, 'error="invalid_request"'].join(', ');
      throw new BearerError(400, 'invalid_request', `Bearer ${params}`);
    }
    const introspection: IntrospectionRequest = {
      token: presented.token,
      scopes: [...(scopesSlot.get(request) ?? [])],
      resources: this.options.resources ? [...this.options.resources] : undefined,
      dpop: header(request, 'dpop'),
      ...this.dpopTargetOf(request),
      clientCertificate: this.clientCertificate(request),
    };
    const answer = await this.introspectCached(introspection, presented.scheme);
    return {
      subject: answer.subject,
      clientId: answer.clientId,
      scopes: answer.scopes ?? [],
      expiresAt: answer.expiresAt,
      answer,
    };
  }

  /** The method and public URL a DPoP proof must name (RFC 9449 §4.3). */
  private dpopTargetOf(request: FastifyRequest): { htm: string; htu: string } {
    if (this.publicBase !== undefined) return dpopTarget(request, this.publicBase);
    const path = request.url.split(/[?#]/)[0] ?? '';
    return { htm: request.method, htu: `${request.protocol}://${request.host}${path}` };
  }

  private async introspectCached(
    request: IntrospectionRequest,
    scheme: 'Bearer' | 'DPoP',
  ): Promise<IntrospectionResponse> {
    const cacheable = request.dpop === undefined;
    const key = IntrospectionCache.keyOf([
      request.token,
      request.scopes?.join(' '),
      request.resources?.join(' '),
      request.clientCertificate,
    ]);
    const cached = cacheable ? this.cache.get(key) : undefined;
    if (cached !== undefined) return cached;
    const answer = await this.introspector.introspect(request);
    if (
      !['OK', 'BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR'].includes(
        answer.action,
      )
    ) {
      this.logger.error(`/auth/introspection answered an unknown action ${String(answer.action)}`);
    }
    const outcome = outcomeOf(answer, scheme);
    if (cacheable) this.cache.remember(key, outcome);
    return outcome;
  }

  /**
   * The client certificate a TLS-terminating proxy forwarded (RFC 8705 §3), PEM or URL-encoded;
   * read only from the headers the host named (its proxy must overwrite them on every request).
   */
  private clientCertificate(request: FastifyRequest): string | undefined {
    for (const name of this.options.clientCertificateHeaders ?? []) {
      const value = header(request, name);
      if (value !== undefined && value !== '') return decodeURIComponent(value);
    }
    return undefined;
  }
}
