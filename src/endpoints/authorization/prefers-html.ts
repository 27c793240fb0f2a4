import Negotiator from 'negotiator';
import type { FastifyRequest } from 'fastify';

const OFFERED = ['application/json', 'text/html'];

/**
 * True when the request's `Accept` ranks `text/html` above `application/json` (RFC 9110 §12.5.1,
 * q-values and specificity via `negotiator`): a browser. No `Accept`, `*\/*` or a tie picks JSON,
 * the answer a client program expects.
 */
export function prefersHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  if (accept === undefined || accept.trim() === '') return false;
  return new Negotiator({ headers: { accept } }).mediaType(OFFERED) === 'text/html';
}
