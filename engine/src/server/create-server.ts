import Fastify, { type FastifyInstance } from 'fastify';
import { NOT_FOUND_BODY } from '../api/api-error';
import { toApiError } from './api-failure';
import { registerApi } from './api-route';
import { AUTHLETE_APIS, type AuthleteApiName } from '../../../contract';
import { ENGINE_ROUTES } from './api-definitions';
import type { EngineContext } from '../context/engine-context';
import { apiPathOf, createServiceAuthCheck } from './service-auth';

/** Options of the HTTP layer. */
export interface ServerOptions {
  accessToken: string;
  logger: boolean;
}

/**
 * Builds the engine's Fastify server: every API of the catalogue (its route in ENGINE_ROUTES) under `/api/{serviceId}`,
 * the service-token check, and the API-level error channel (authlete-api.md §1.3): 401 for a
 * missing or wrong token, 404 for an unknown service or path, 400 for an unreadable body, 503
 * when a store is full, 500 otherwise — each with `{resultCode, resultMessage}`.
 */
export function createEngineServer(
  context: EngineContext,
  options: ServerOptions,
): FastifyInstance {
  const app = Fastify({ logger: options.logger, bodyLimit: 1024 * 1024 });
  const checkServiceToken = createServiceAuthCheck(options.accessToken);
  app.addHook('onRequest', async (request, reply) => {
    const { serviceId } = request.params as { serviceId?: string };
    if (serviceId !== undefined && serviceId !== context.service.apiKey) {
      return reply.code(404).send(NOT_FOUND_BODY);
    }
    checkServiceToken(request.headers.authorization, request.url);
    return undefined;
  });
  app.setNotFoundHandler((_request, reply) => reply.code(404).send(NOT_FOUND_BODY));
  app.setErrorHandler((error, request, reply) => {
    const apiError = toApiError(error, apiPathOf(request));
    if (apiError.status >= 500) request.log.error(error);
    return reply.code(apiError.status).send(apiError.body());
  });
  for (const name of Object.keys(AUTHLETE_APIS) as AuthleteApiName[]) {
    registerApi(app, context, AUTHLETE_APIS[name], ENGINE_ROUTES[name]);
  }
  return app;
}
