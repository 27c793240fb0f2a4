import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { AuthleteBearerGuard } from './authlete-bearer.guard';
import { REQUIRED_SCOPES } from './required-scopes-slot';

/**
 * Protects a route (or every route of a controller) with an access token that carries all of
 * `scopes` (RFC 6750 §3.1 `insufficient_scope` otherwise), checked by {@link AuthleteBearerGuard}.
 */
export function RequireScopes(...scopes: string[]): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(REQUIRED_SCOPES, scopes), UseGuards(AuthleteBearerGuard));
}
