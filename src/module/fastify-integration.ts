import type { Provider } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { appConfig, type AppConfig } from '../config/app.config';
import { installHttpHooks } from '../ops/http-hooks/install-http-hooks';
import { ReadinessState } from '../ops/health/readiness-state';
import { HttpMetrics } from '../ops/metrics/http-metrics';
import {
  AUTHORIZATION_SERVER_OPTIONS,
  type AuthorizationServerOptions,
} from './authorization-server.options';
import {
  checkTrustProxy,
  HostSetupError,
  installRawFormParser,
  registerCookies,
} from './fastify-setup';

/** Marks that the host's Fastify instance was set up (see {@link fastifyIntegration}). */
export const FASTIFY_INTEGRATION = Symbol('FASTIFY_INTEGRATION');

async function integrate(
  adapterHost: HttpAdapterHost,
  config: AppConfig,
  options: AuthorizationServerOptions,
  metrics: HttpMetrics,
  readiness: ReadinessState,
): Promise<boolean> {
  const adapter = adapterHost.httpAdapter as typeof adapterHost.httpAdapter | null | undefined;
  // A standalone application context (no HTTP server) has nothing to set up.
  if (adapter === undefined || adapter === null) return false;
  if (adapter.getType() !== 'fastify') {
    throw new HostSetupError(
      `it runs on Fastify only; create the application with new FastifyAdapter(authorizationServerAdapterOptions()) from @nestjs/platform-fastify (found "${adapter.getType()}")`,
    );
  }
  const fastifyAdapter = adapter as unknown as FastifyAdapter;
  const fastify = fastifyAdapter.getInstance();
  checkTrustProxy(fastify, config.trustProxy);
  installRawFormParser(fastifyAdapter);
  await registerCookies(fastify, options.sessionSecret ?? config.sessionSecret);
  installHttpHooks(fastify, metrics, readiness, config.issuer);
  return true;
}

/**
 * Fits the host's Fastify instance to the server while Nest builds the providers, before it
 * registers any route (Fastify copies parsers and hooks into each route's context): the raw form
 * parser, signed cookies, the operations hooks (request ids, security headers, metrics, access
 * log), and a check of `trustProxy`. An Express host or a mismatched instance stops start-up with
 * one message naming what to change.
 */
export const fastifyIntegration: Provider = {
  provide: FASTIFY_INTEGRATION,
  inject: [
    HttpAdapterHost,
    appConfig.KEY,
    AUTHORIZATION_SERVER_OPTIONS,
    HttpMetrics,
    ReadinessState,
  ],
  useFactory: integrate,
};
