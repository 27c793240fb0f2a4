import type { FastifyInstance } from 'fastify';
import type { ReadinessState } from '../health/readiness-state';
import { accessLogWriter } from '../logging/access-log';
import { interactionIdOf } from '../logging/request-id';
import type { HttpMetrics } from '../metrics/http-metrics';
import { applySecurityHeaders } from './security-headers';

/**
 * Fastify hooks of the operations layer, installed by the module while the app initialises:
 * - `onRequest`: echo `x-request-id` (Fastify's request id) and `x-fapi-interaction-id`, generating
 *   either when absent (FAPI 1.0 Baseline §6.2.1);
 * - `onSend`: baseline security headers, and `Connection: close` while draining so a keep-alive
 *   connection does not outlive its last in-flight request (RFC 9112 §9.6);
 * - `onResponse`: `http_request_duration_seconds` by route template and status, and the access log.
 */
export function installHttpHooks(
  fastify: FastifyInstance,
  metrics: HttpMetrics,
  readiness: ReadinessState,
  issuer: string,
): void {
  const hsts = issuer.startsWith('https://');
  fastify.addHook('onRequest', (request, reply, done) => {
    const interactionId = interactionIdOf(request.raw);
    request.raw.headers['x-fapi-interaction-id'] = interactionId;
    void reply.header('x-request-id', request.id);
    void reply.header('x-fapi-interaction-id', interactionId);
    done();
  });
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    applySecurityHeaders(reply, hsts);
    if (readiness.draining) void reply.header('connection', 'close');
    done(null, payload);
  });
  const writeAccessLog = accessLogWriter();
  fastify.addHook('onResponse', (request, reply, done) => {
    // One read of the route's options (Fastify builds the object on every read).
    const route = request.routeOptions;
    metrics.observe(request.method, route.url, reply.statusCode, reply.elapsedTime / 1000);
    writeAccessLog(request, reply, route.config);
    done();
  });
}
