import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyReply } from 'fastify';
import { AUTHLETE_BEARER, type AccessTokenPrincipal } from './authlete-bearer.strategy';
import { REQUIRED_SCOPES, scopesSlot } from './required-scopes-slot';

/**
 * The passport guard of `AuthleteBearerStrategy`: hands the route's `@RequireScopes` to the
 * strategy and lets its {@link BearerError} through untouched (passport's own 401 carries no
 * RFC 6750 challenge); an accepted DPoP call gets introspection's fresh `DPoP-Nonce`.
 */
@Injectable()
export class AuthleteBearerGuard extends AuthGuard(AUTHLETE_BEARER) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const scopes =
      this.reflector.getAllAndOverride<string[] | undefined>(REQUIRED_SCOPES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    scopesSlot.set(context.switchToHttp().getRequest<object>(), scopes);
    return super.canActivate(context);
  }

  override handleRequest<TUser>(
    error: unknown,
    user: TUser | false,
    _info?: unknown,
    context?: ExecutionContext,
  ): TUser {
    if (error instanceof Error) throw error;
    if (error !== null && error !== undefined) throw new Error('authlete-bearer: strategy failed');
    if (user === false) throw new Error('authlete-bearer: no user and no error');
    // A fresh DPoP nonce from introspection goes to the client with the answer (RFC 9449 §9).
    const nonce = (user as Partial<AccessTokenPrincipal>).answer?.dpopNonce;
    if (nonce !== undefined && context !== undefined) {
      void context.switchToHttp().getResponse<FastifyReply>().header('dpop-nonce', nonce);
    }
    return user;
  }
}
