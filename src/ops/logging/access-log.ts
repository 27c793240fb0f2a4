import type { FastifyContextConfig, FastifyReply, FastifyRequest } from 'fastify';
import { PinoLogger } from 'nestjs-pino';
import type { Level, Logger } from 'pino';
import { loggedRequest } from './logged-request';
import { isAccessLogged } from './no-access-log.decorator';

function levelOf(statusCode: number): Level {
  if (statusCode >= 500) return 'error';
  return statusCode >= 400 ? 'warn' : 'info';
}

const identity = (value: unknown): unknown => value;

/**
 * The logger of access lines: a child of nestjs-pino's root logger (same level, destination and
 * base fields) that writes the already-safe fields as given. Every field is built here from an
 * allow-list (loggedRequest: no headers, no body, secret query values redacted), so the root's
 * path-by-path redaction — a tenth of a request's CPU — is not re-run on it.
 */
function accessLogger(): Logger {
  return PinoLogger.root.child(
    {},
    { serializers: { req: identity, res: identity }, redact: { paths: [] } },
  );
}

/** Writes the access line of a completed request (see {@link accessLogWriter}). */
export type AccessLogWriter = (
  request: FastifyRequest,
  reply: FastifyReply,
  config: FastifyContextConfig | undefined,
) => void;

/**
 * One JSON line per completed request (status, duration, request id, FAPI interaction id,
 * redacted URL), called from the operations layer's Fastify `onResponse` hook with the route's
 * config: `info` for 2xx/3xx, `warn` for 4xx, `error` for 5xx. Routes declared `@NoAccessLog()`
 * (probes, scrapes) are not logged; nothing is built when the level is disabled. Unlike pino-http
 * as Nest middleware, no child logger is created per request.
 */
export function accessLogWriter(): AccessLogWriter {
  let logger: Logger | undefined;
  return (request, reply, config) => {
    logger ??= accessLogger();
    const level = levelOf(reply.statusCode);
    if (logger.isLevelEnabled(level) && isAccessLogged(config)) {
      logger[level](
        {
          req: loggedRequest(request.raw, request.id),
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime),
        },
        'request completed',
      );
    }
  };
}
