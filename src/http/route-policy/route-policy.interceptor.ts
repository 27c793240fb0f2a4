import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Observable } from 'rxjs';
import { UNAVAILABLE_AS_503 } from './unavailable-as-503.decorator';

/** The error-answering policy of the route that is serving a request. */
export interface RoutePolicy {
  /** Authlete unavailability answers 503 here (see {@link UnavailableAs503}). */
  readonly unavailableAs503: boolean;
}

/** The policy of requests that reached no route, or failed before their route's interceptors. */
const NO_ROUTE_POLICY: RoutePolicy = { unavailableAs503: false };

const policies = new WeakMap<object, RoutePolicy>();

/**
 * The policy recorded for `request` by {@link RoutePolicyInterceptor}. Exception filters cannot
 * see the route handler (Nest hands them no handler), so the policy travels with the request.
 */
export function routePolicyOf(request: object): RoutePolicy {
  return policies.get(request) ?? NO_ROUTE_POLICY;
}

/**
 * Reads the route's policy decorators through the {@link Reflector} (method first, then class)
 * and records them on the request for the OAuth exception filter. Policies are resolved once per
 * handler.
 */
@Injectable()
export class RoutePolicyInterceptor implements NestInterceptor {
  private readonly byHandler = new WeakMap<object, RoutePolicy>();

  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      policies.set(context.switchToHttp().getRequest<object>(), this.policyOf(context));
    }
    return next.handle();
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
