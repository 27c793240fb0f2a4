import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerException,
  ThrottlerGuard,
  type ThrottlerLimitDetail,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MemoizedReflector } from '../../http/memoized-reflector';
import { opsConfig, type OpsConfig } from '../../config/ops.config';
import { RateLimitMetrics } from '../metrics/rate-limit-metrics';
import { readsBlocks } from './block-reader';
import { clientIdOf } from './client-id-of';
import { ClientQuota } from './client-quota';
import { keyDigest } from './key-digest';
import { type RateLimitClassSpec, rateLimitClassOf } from './rate-limit-class.decorator';
import { type PlannedThrottle, planThrottles } from './throttle-plan';

/**
 * Rate limiting of the routes that declare a `@RateLimitClass`, per client IP (throttlers defined
 * in `throttler-options.ts`) and, on `ip-and-client` routes, per client as {@link ClientQuota}
 * counts it: only answers an authenticated client got count against that client; failures count
 * against the pair (client id, IP). Counters are per class. A refused request gets 429 with
 * `Retry-After` (RFC 6585 §4, RFC 9110 §10.2.3) and an RFC 6749 §5.2 JSON body from the global
 * OAuth exception filter. Routes without the decorator are never limited.
 */
@Injectable()
export class OAuthThrottlerGuard extends ThrottlerGuard {
  private readonly quota?: ClientQuota;
  private readonly plans = new WeakMap<RateLimitClassSpec, PlannedThrottle[] | undefined>();

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    @Inject(opsConfig.KEY) private readonly ops: OpsConfig,
    private readonly metrics: RateLimitMetrics,
  ) {
    super(options, storage, new MemoizedReflector());
    if (readsBlocks(storage)) {
      const { ttlMs, perClient, clientFailuresPerIp } = ops.throttle;
      this.quota = new ClientQuota(storage, {
        ttlMs,
        perClient,
        failuresPerClientIp: clientFailuresPerIp,
      });
    }
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.ops.throttle.enabled || context.getType() !== 'http') return true;
    const route = rateLimitClassOf(this.reflector, context);
    if (route === undefined) return true;
    const planned = this.planOf(route, context);
    if (planned === undefined) {
      if (!(await super.canActivate(context))) return false;
    } else {
      for (const throttle of planned) {
        if (!(await this.handleRequest({ ...throttle, context }))) return false;
      }
    }
    if (this.quota === undefined || route.counters !== 'ip-and-client') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const clientId = clientIdOf(request);
    if (clientId === undefined) return true;
    const ticket = this.quota.ticket(route.name, clientId, request.ip);
    const refusal = await this.quota.refusal(ticket);
    if (refusal !== undefined) {
      const reply = context.switchToHttp().getResponse<FastifyReply>();
      void reply.header('retry-after', String(refusal.retryAfterSeconds));
      this.metrics.rejected(route.name, refusal.scope);
      throw new ThrottlerException();
    }
    // Counted once the answer is known: its status says whether the client authenticated.
    const quota = this.quota;
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    // A response finishes once: a plain listener, not once()'s wrapper.
    reply.raw.on('finish', () => {
      void quota.record(ticket, reply.raw.statusCode);
    });
    return true;
  }

  /** The route's throttlers, resolved once per rate-limit class ({@link planThrottles}). */
  private planOf(
    route: RateLimitClassSpec,
    context: ExecutionContext,
  ): PlannedThrottle[] | undefined {
    if (!this.plans.has(route)) {
      this.plans.set(route, planThrottles(context, this.throttlers, this.commonOptions));
    }
    return this.plans.get(route);
  }

  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (!this.ops.throttle.enabled || context.getType() !== 'http') return Promise.resolve(true);
    return Promise.resolve(rateLimitClassOf(this.reflector, context) === undefined);
  }

  protected override generateKey(context: ExecutionContext, tracker: string, name: string): string {
    const route = rateLimitClassOf(this.reflector, context)?.name ?? 'other';
    return `${route}:${name}:${keyDigest(tracker)}`;
  }

  protected override throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    void reply.header('retry-after', String(Math.max(1, detail.timeToBlockExpire)));
    const [route, scope] = detail.key.split(':');
    this.metrics.rejected(route ?? 'other', scope ?? 'other');
    return Promise.reject(new ThrottlerException());
  }
}
