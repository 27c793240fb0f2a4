import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import type { DestinationStream, Level } from 'pino';
import type { Options } from 'pino-http';
import { REDACT_PATHS, REDACTED, redactUrl } from './redaction';
import { requestIdOf } from './request-id';

/** The fields of a request worth logging; never headers with credentials, never the body. */
interface LoggedRequest {
  id: unknown;
  method?: string;
  url: string;
  remoteAddress?: string;
  userAgent?: string;
  fapiInteractionId?: string;
}

/** The raw request; middleware engines rewrite `url` and keep the original in `originalUrl`. */
type RawRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

function serializeRequest(request: { raw?: RawRequest } & Record<string, unknown>): LoggedRequest {
  const raw = request.raw;
  const headers = raw?.headers ?? {};
  const agent = headers['user-agent'];
  const interaction = headers['x-fapi-interaction-id'];
  return {
    id: raw?.id ?? request['id'],
    method: raw?.method,
    url: redactUrl(raw?.originalUrl ?? raw?.url ?? ''),
    remoteAddress: raw?.socket?.remoteAddress,
    ...(typeof agent === 'string' ? { userAgent: agent.slice(0, 200) } : {}),
    ...(typeof interaction === 'string' ? { fapiInteractionId: interaction } : {}),
  };
}

function serializeResponse(response: { statusCode?: number }): { statusCode?: number } {
  return { statusCode: response.statusCode };
}

function isProbe(request: IncomingMessage): boolean {
  const url = request.url ?? '';
  return url.startsWith('/health/') || url === '/metrics';
}

function levelOf(_request: IncomingMessage, response: ServerResponse, error?: Error): Level {
  if (error || response.statusCode >= 500) return 'error';
  return response.statusCode >= 400 ? 'warn' : 'info';
}

/**
 * nestjs-pino settings (design.md §4 `LOG_LEVEL`): JSON lines, one per request, each carrying the
 * request id and FAPI interaction id. Only method, redacted URL, peer, user agent and status are
 * logged — no headers, no bodies — and pino's `redact` masks credentials in anything else logged.
 */
export function loggerParams(level: string, destination?: DestinationStream): Params {
  const options: Options = {
    level,
    genReqId: (request) => {
      const id = (request as RawRequest).id;
      return typeof id === 'string' ? id : requestIdOf(request);
    },
    serializers: { req: serializeRequest, res: serializeResponse },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    customLogLevel: levelOf,
    autoLogging: { ignore: isProbe },
    quietReqLogger: true,
  };
  return { pinoHttp: destination ? [options, destination] : options };
}
