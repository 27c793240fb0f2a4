import {
  type CallHandler,
  type ExecutionContext,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Observable, map } from 'rxjs';
import type { ActionMap, AuthleteOutcome } from './action-map.types';
import { AUTHLETE_ACTIONS } from './authlete-actions.decorator';
import { DirectResponse } from './direct-response';
import { MemoizedReflector } from './memoized-reflector';
import { writeActionResponse } from './write-action-response';
import { CONTENT_TYPE, relayedHeaders, setNoStore } from './response-headers';

function isOutcome(value: unknown): value is AuthleteOutcome {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { action?: unknown }).action === 'string'
  );
}

/**
 * Turns the Authlete outcome a route returns into HTTP by its `@AuthleteActions` map
 * (design.md §5). Every response gets `Cache-Control: no-store` and `Pragma: no-cache`;
 * `DPoP-Nonce` and `OAuth-Client-Attestation-Challenge` are relayed; an unmapped action is
 * logged and answered 500 `server_error`.
 */
@Injectable()
export class AuthleteResponseInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuthleteResponseInterceptor.name);

  private readonly reflector = new MemoizedReflector();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actions = this.reflector.get<ActionMap<string> | undefined>(
      AUTHLETE_ACTIONS,
      context.getHandler(),
    );
    const http = context.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (result instanceof DirectResponse) {
          reply.status(result.status).headers(result.headers);
          return result.body;
        }
        if (actions === undefined || !isOutcome(result)) return result;
        setNoStore(reply);
        reply.headers(relayedHeaders(result));
        const spec = actions[result.action];
        if (spec === undefined) {
          this.logger.error({
            reqId: request.id,
            msg: `Unmapped Authlete action ${result.action} on ${request.routeOptions.url ?? request.url}`,
          });
          reply.status(500).header('content-type', CONTENT_TYPE.json);
          return JSON.stringify({
            error: 'server_error',
            error_description: 'unexpected authorization server state',
          });
        }
        return writeActionResponse(reply, request, spec, result.responseContent);
      }),
    );
  }
}
