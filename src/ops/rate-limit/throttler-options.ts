import type { ExecutionContext } from '@nestjs/common';
import type { ThrottlerModuleOptions } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { MemoizedReflector } from '../../http/memoized-reflector';
import type { OpsConfig } from '../../config/ops.config';
import type { StoreMetrics } from '../metrics/store-metrics';
import type { OpsRedis } from '../redis/ops-redis';
import { rateLimitClassOf } from './rate-limit-class.decorator';
import { MemoryThrottlerStorage } from './memory-throttler.storage';
import { RedisThrottlerStorage } from './redis-throttler.storage';

function requestOf(context: ExecutionContext): FastifyRequest {
  return context.switchToHttp().getRequest<FastifyRequest>();
}

const ipOf = (_request: unknown, context: ExecutionContext): string => requestOf(context).ip;

/**
 * The throttlers (`THROTTLE_*`): `ip` on routes of an `ip-and-client` rate-limit class (token, PAR,
 * authorization), whose per-client counting happens once the answer is known (`ClientQuota`, in
 * the guard); `login` per IP on `login-ip` routes (the login and consent posts); `register` per IP
 * on `register-ip` routes (dynamic client registration). Counters live in Redis when `REDIS_URL`
 * is set, else in memory (one instance only; a fixed window per key, like the Redis storage).
 */
export function throttlerOptions(
  ops: OpsConfig,
  redis: OpsRedis,
  storeMetrics: StoreMetrics,
): ThrottlerModuleOptions {
  const reflector = new MemoizedReflector();
  const isLogin = (context: ExecutionContext): boolean =>
    rateLimitClassOf(reflector, context)?.counters === 'login-ip';
  const isRegister = (context: ExecutionContext): boolean =>
    rateLimitClassOf(reflector, context)?.counters === 'register-ip';
  /** Routes with a per-IP counter of their own instead of the general `ip` and `client` ones. */
  const ownCounter = (context: ExecutionContext): boolean =>
    isLogin(context) || isRegister(context);
  const { ttlMs, perIp, loginPerIp, registerPerIp } = ops.throttle;
  return {
    setHeaders: false,
    storage: redis.client
      ? new RedisThrottlerStorage(redis.client, storeMetrics)
      : new MemoryThrottlerStorage(),
    throttlers: [
      { name: 'ip', ttl: ttlMs, limit: perIp, skipIf: ownCounter, getTracker: ipOf },
      {
        name: 'login',
        ttl: ttlMs,
        limit: loginPerIp,
        skipIf: (context) => !isLogin(context),
        getTracker: ipOf,
      },
      {
        name: 'register',
        ttl: ttlMs,
        limit: registerPerIp,
        skipIf: (context) => !isRegister(context),
        getTracker: ipOf,
      },
    ],
  };
}
