import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyContextConfig } from 'fastify';

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

/** Whether a route with this config writes access lines (not declared {@link NoAccessLog}). */
export function isAccessLogged(config: FastifyContextConfig | undefined): boolean {
  return config?.oauthNoAccessLog !== true;
}
