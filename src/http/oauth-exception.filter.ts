import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toErrorResponse } from './error-response';
import { CONTENT_TYPE } from './response-headers';

/**
 * Last-resort filter (design.md §5): everything not answered by an action map — including Nest's
 * own 400/404/413 — is answered in RFC 6749 §5.2 JSON with no-store. Internals never reach clients.
 */
@Catch()
export class OAuthExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    const request = host.switchToHttp().getRequest<{ url: string; id?: string }>();
    const response = toErrorResponse(exception, request.url, request.id);
    void reply
      .status(response.status)
      .headers(response.headers)
      .header('content-type', CONTENT_TYPE.json)
      .send(JSON.stringify(response.body));
  }
}
