import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Level } from 'pino';

function isProbe(url: string): boolean {
  return url.startsWith('/health/') || url === '/metrics';
}

function levelOf(statusCode: number): Level {
  if (statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

/**
 * One JSON line per completed request (RFC 9110 status, duration, request id, FAPI interaction id,
 * redacted URL), written from a Fastify `onResponse` hook through nestjs-pino's root logger and its
 * serializers: `info` for 2xx/3xx, `warn` for 4xx, `error` for 5xx. Health probes and `/metrics`
 * are not logged. Nothing is built when the level is disabled.
 */
export function installAccessLog(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done) => {
    const logger = PinoLogger.root;
    const level = levelOf(reply.statusCode);
    if (logger.isLevelEnabled(level) && !isProbe(request.raw.url ?? '')) {
      // The request serializer reads the id from the raw request, where pino-http would put it.
      (request.raw as { id?: string }).id = request.id;
      logger[level](
        { req: request.raw, res: reply.raw, responseTime: Math.round(reply.elapsedTime) },
        'request completed',
      );
    }
    done();
  });
}
