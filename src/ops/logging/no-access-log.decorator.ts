import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by {@link NoAccessLog}: the route writes no access line. */
    oauthNoAccessLog?: boolean;
  }
}

/**
 * Keeps the route (method) out of the access log: health probes and metric scrapes, which would
 * otherwise drown the lines that matter. Stored in the Fastify route config (the access log is a
 * Fastify `onResponse` hook, outside Nest's execution context), so it is a method decorator.
 */
export const NoAccessLog = (): MethodDecorator => RouteConfig({ oauthNoAccessLog: true });

/** Whether the route that served `request` writes access lines (not declared {@link NoAccessLog}). */
export function isAccessLogged(request: FastifyRequest): boolean {
  return request.routeOptions.config?.oauthNoAccessLog !== true;
}
