import type { FastifyServerOptions } from 'fastify';
import { appConfig } from '../config/app.config';
import { answerFrameworkError } from '../http/framework-errors';
import { requestIdOf } from '../ops/logging/request-id';
import { compileTrustProxy } from '../common/trust-proxy';

/**
 * The options to create the host's `FastifyAdapter` with (they cannot be changed afterwards):
 * `TRUST_PROXY`, `BODY_LIMIT_BYTES`, request ids taken from `x-request-id`, 503 while closing, and
 * Fastify's own errors (bad body, too large) answered OAuth-style (RFC 6749 §5.2).
 */
export function authorizationServerAdapterOptions(): FastifyServerOptions {
  const config = appConfig();
  return {
    trustProxy: compileTrustProxy(config.trustProxy).fastifyOption,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: 512 },
    return503OnClosing: true,
    genReqId: requestIdOf,
    frameworkErrors: answerFrameworkError,
  };
}
