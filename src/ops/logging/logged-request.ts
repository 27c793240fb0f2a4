import type { IncomingMessage } from 'node:http';
import { redactUrl } from './redaction';

/** The fields of a request worth logging; never headers with credentials, never the body. */
export interface LoggedRequest {
  id: unknown;
  method?: string;
  url: string;
  remoteAddress?: string;
  userAgent?: string;
  fapiInteractionId?: string;
}

/** The raw request; middleware engines rewrite `url` and keep the original in `originalUrl`. */
export type RawRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/**
 * What a log line says about a request: id, method, the URL with secret query values redacted
 * (redaction.ts), the peer, a truncated user agent and the FAPI interaction id.
 */
export function loggedRequest(raw: RawRequest | undefined, id: unknown): LoggedRequest {
  const headers = raw?.headers ?? {};
  const agent = headers['user-agent'];
  const interaction = headers['x-fapi-interaction-id'];
  const logged: LoggedRequest = {
    id,
    method: raw?.method,
    url: redactUrl(raw?.originalUrl ?? raw?.url ?? ''),
    remoteAddress: raw?.socket?.remoteAddress,
  };
  if (typeof agent === 'string') logged.userAgent = agent.slice(0, 200);
  if (typeof interaction === 'string') logged.fapiInteractionId = interaction;
  return logged;
}
