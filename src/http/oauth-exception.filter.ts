import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { toErrorResponse } from './error-response';
import { CONTENT_TYPE } from './response-headers';
import { routePolicyOf } from './route-policy/route-policy.guard';

/**
 * Last-resort filter (design.md §5): everything not answered by an action map — including Nest's
 * own 400/404/413 — is answered in RFC 6749 §5.2 JSON with no-store, by the policy the route
 * declared (recorded by `RoutePolicyGuard`). Internals never reach clients.
 */
@Catch()
export class OAuthExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (reply.sent) return;
    const request = host.switchToHttp().getRequest<{ id?: string }>();
    const response = toErrorResponse(exception, {
      ...routePolicyOf(request),
      requestId: request.id,
    });
    void reply
      .status(response.status)
      .headers(response.headers)
      .header('content-type', CONTENT_TYPE.json)
      .send(JSON.stringify(response.body));
  }
}
