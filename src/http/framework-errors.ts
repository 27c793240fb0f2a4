import type { FastifyReply, FastifyRequest } from 'fastify';
import { toErrorResponse } from './error-response';
import { CONTENT_TYPE } from './response-headers';

/**
 * Fastify's `frameworkErrors` hook: errors the router raises before Nest sees the request (a path
 * with a malformed percent-escape, `FST_ERR_BAD_URL`; a bad `Content-Type` header,
 * `FST_ERR_ASYNC_CONSTRAINT`) are answered like every other error, in RFC 6749 §5.2 JSON with
 * no-store, instead of Fastify's `{statusCode, code, message}` body. Pass it as the
 * `frameworkErrors` option of the FastifyAdapter.
 */
export function answerFrameworkError(
  error: Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const response = toErrorResponse(error, { requestId: request.id });
  void reply
    .status(response.status)
    .headers(response.headers)
    .header('content-type', CONTENT_TYPE.json)
    .send(JSON.stringify(response.body));
}
