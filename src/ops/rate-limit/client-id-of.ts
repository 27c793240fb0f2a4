import type { FastifyRequest } from 'fastify';
import { decodeBasicCredentials } from '../../http/extractors/basic-credentials';
import { formBodyOf } from '../../http/extractors/form-body';

const MAX_ID_LENGTH = 256;

/** The client id of a well-formed Basic header (a malformed one names no client). */
function fromBasic(header: string | undefined): string | undefined {
  const decoded = decodeBasicCredentials(header);
  return decoded !== undefined && 'id' in decoded ? decoded.id : undefined;
}

function fromAssertion(assertion: string | null): string | undefined {
  const payload = assertion?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    const sub = (claims as { sub?: unknown } | null)?.sub;
    return typeof sub === 'string' ? sub : undefined;
  } catch {
    return undefined;
  }
}

function fromQuery(request: FastifyRequest): string | undefined {
  const query = request.url.split('?', 2)[1];
  return query === undefined
    ? undefined
    : (new URLSearchParams(query).get('client_id') ?? undefined);
}

/**
 * The client id a request claims, for per-client counters only (it is not authenticated here):
 * HTTP Basic (RFC 6749 §2.3.1), `client_id` in the form or query, or the `sub` of a
 * `client_assertion` (RFC 7523 §3). Undefined when the request names no client.
 */
export function clientIdOf(request: FastifyRequest): string | undefined {
  const params = formBodyOf(request).params;
  const id =
    fromBasic(request.headers.authorization) ??
    params.get('client_id') ??
    fromAssertion(params.get('client_assertion')) ??
    fromQuery(request);
  return id === undefined || id === '' ? undefined : id.slice(0, MAX_ID_LENGTH);
}
