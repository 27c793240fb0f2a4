import type { FastifyInstance } from 'fastify';
import { CallerError } from '../api/caller-error';
import { RequestBody } from '../api/request-body';
import { bearerChallenge, envelope, oauthErrorJson, type Result } from '../protocol/result';
import type { EngineContext } from './engine-context';

/** A document served as-is instead of an envelope (discovery, JWK Set: authlete-api.md §11.14). */
export class RawDocument {
  constructor(
    readonly body: string,
    readonly status = 200,
    readonly contentType = 'application/json;charset=UTF-8',
  ) {}
}

/** How an API reports a caller error in its BAD_REQUEST action. */
export type CallerErrorStyle = 'json' | 'challenge' | 'none';

/** One Authlete runtime API served by the engine. */
export interface ApiDefinition {
  method: 'GET' | 'POST';
  /** The Authlete path after `/api/{serviceId}`, e.g. `/auth/token`. */
  path: string;
  /** The first three digits of this API's result codes (authlete-api.md §10). */
  apiCode: string;
  callerErrorStyle: CallerErrorStyle;
  handle(context: EngineContext, body: RequestBody): unknown;
}

function callerErrorResponse(
  context: EngineContext,
  style: CallerErrorStyle,
  value: Result,
): unknown {
  const base = envelope(value, 'BAD_REQUEST');
  switch (style) {
    case 'json':
      return {
        ...base,
        responseContent: oauthErrorJson(context.service, 'invalid_request', value),
      };
    case 'challenge':
      return {
        ...base,
        responseContent: bearerChallenge(context.service, 'invalid_request', value),
      };
    case 'none':
      return base;
  }
}

/**
 * Registers an API under `/api/:serviceId{path}`. A CallerError becomes the API's BAD_REQUEST
 * action (HTTP 200, authlete-api.md §1.3); everything else goes to the server's error handler.
 */
export function registerApi(
  app: FastifyInstance,
  context: EngineContext,
  api: ApiDefinition,
): void {
  app.route({
    method: api.method,
    url: `/api/:serviceId${api.path}`,
    handler: async (request, reply) => {
      const source =
        api.method === 'GET'
          ? { ...(request.query as object), ...(request.params as object) }
          : request.body;
      const body = new RequestBody(source, api.apiCode, api.path);
      try {
        const answer = await api.handle(context, body);
        if (answer instanceof RawDocument) {
          return reply.code(answer.status).type(answer.contentType).send(answer.body);
        }
        return answer;
      } catch (error) {
        if (error instanceof CallerError) {
          return callerErrorResponse(context, api.callerErrorStyle, error.result);
        }
        throw error;
      }
    },
  });
}
