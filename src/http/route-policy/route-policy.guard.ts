import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UNAVAILABLE_AS_503 } from './unavailable-as-503.decorator';

/** The error-answering policy of the route that is serving a request. */
export interface RoutePolicy {
  /** Authlete unavailability answers 503 here (see {@link UnavailableAs503}). */
  readonly unavailableAs503: boolean;
}

/** The policy of requests that reached no route, or failed before their route's guards. */
const NO_ROUTE_POLICY: RoutePolicy = { unavailableAs503: false };

const policies = new WeakMap<object, RoutePolicy>();

/**
 * The policy recorded for `request` by {@link RoutePolicyGuard}. Exception filters cannot
 * see the route handler (Nest hands them no handler), so the policy travels with the request.
 */
export function routePolicyOf(request: object): RoutePolicy {
  return policies.get(request) ?? NO_ROUTE_POLICY;
}

/**
 * Reads the route's policy decorators through the {@link Reflector} (method first, then class)
 * and records them on the request for the OAuth exception filter; it never refuses a request.
 * Policies are resolved once per handler. A guard rather than an interceptor: it runs before the
 * route's other guards and interceptors, and costs no Observable pipeline per request (issue 16).
 */
@Injectable()
export class RoutePolicyGuard implements CanActivate {
  private readonly byHandler = new WeakMap<object, RoutePolicy>();

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() === 'http') {
      policies.set(context.switchToHttp().getRequest<object>(), this.policyOf(context));
    }
    return true;
  }

  private policyOf(context: ExecutionContext): RoutePolicy {
    const handler = context.getHandler();
    let policy = this.byHandler.get(handler);
    if (policy === undefined) {
      const targets = [handler, context.getClass()];
      policy = {
        unavailableAs503:
          this.reflector.getAllAndOverride<boolean | undefined>(UNAVAILABLE_AS_503, targets) ===
          true,
      };
      this.byHandler.set(handler, policy);
    }
    return policy;
  }
}
