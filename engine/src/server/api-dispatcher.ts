import type { EngineRequest, EngineResponse } from '../../../contract';
import { NOT_FOUND_BODY } from '../api/api-error';
import type { EngineContext } from '../context/engine-context';
import { JSON_CONTENT_TYPE, runApi, wireAnswer } from './api-answer';
import { RawDocument } from '../protocol/raw-document';
import { toApiError } from './api-failure';
import { ApiTable } from './api-table';
import { readJsonBody, readQuery } from './request-members';
import { apiPathOfUrl, createServiceAuthCheck } from './service-auth';

/** Options of the in-process dispatcher. */
export interface DispatcherOptions {
  accessToken: string;
  /** Receives the cause of every 500 answer (the HTTP server logs it through Fastify). */
  onServerError?: (error: unknown) => void;
}

function jsonResponse(status: number, body: object): EngineResponse {
  return { status, headers: { 'content-type': JSON_CONTENT_TYPE }, body: JSON.stringify(body) };
}

const NOT_FOUND = (): EngineResponse => jsonResponse(404, NOT_FOUND_BODY);

/**
 * The engine's API called as a function (the embedded engine's path, design.md §7): the request
 * is routed through the same table (catalogue + ENGINE_ROUTES), service-id and service-token
 * checks, body rules, handlers and error channel as the HTTP server (authlete-api.md §1.1–§1.3),
 * and answered with the same status and JSON — without Fastify, light-my-request or a socket. A
 * request that carries its body as a value (`members`) gets its JSON answer as a value too.
 */
export function createApiDispatcher(
  context: EngineContext,
  options: DispatcherOptions,
): (request: EngineRequest) => Promise<EngineResponse> {
  const table = new ApiTable();
  const checkServiceToken = createServiceAuthCheck(options.accessToken);
  // An in-process caller hands over the same headers object on every call (the service's
  // transport builds it once per connection): once its Authorization passed the constant-time
  // check, the same object with the same value is not hashed again. Requests that arrive over
  // HTTP carry a new object each, so for them the check always runs.
  const accepted = new WeakMap<object, string>();
  const prefix = /^\/api\/([^/?]+)(\/[^?]*)?(?:\?(.*))?$/;
  return async (request) => {
    const parts = prefix.exec(request.url);
    const match = parts === null ? undefined : table.find(request.method, parts[2] ?? '');
    if (match !== undefined && parts?.[1] !== context.service.apiKey) return NOT_FOUND();
    try {
      const authorization = request.headers.authorization;
      if (authorization === undefined || accepted.get(request.headers) !== authorization) {
        checkServiceToken(authorization, request.url);
        if (authorization !== undefined) accepted.set(request.headers, authorization);
      }
      if (match === undefined) return NOT_FOUND();
      const { entry, segments } = match;
      const carried =
        request.method === 'GET' || request.method === 'DELETE'
          ? readQuery(parts?.[3])
          : (request.members ?? readJsonBody(request.headers['content-type'], request.body));
      const members =
        Object.keys(segments).length === 0
          ? carried
          : { ...(typeof carried === 'object' && carried !== null ? carried : {}), ...segments };
      const answer = await runApi(context, entry.route, entry.path, members);
      if (request.members !== undefined && !(answer instanceof RawDocument)) {
        // Handed over as a value: no JSON text made here, none parsed by the caller.
        return {
          status: 200,
          headers: { 'content-type': JSON_CONTENT_TYPE },
          body: '',
          value: answer,
        };
      }
      const wire = wireAnswer(answer);
      return {
        status: wire.status,
        headers: { 'content-type': wire.contentType },
        body: wire.body,
      };
    } catch (error) {
      const apiError = toApiError(error, apiPathOfUrl(request.url));
      if (apiError.status >= 500) options.onServerError?.(error);
      return jsonResponse(apiError.status, apiError.body());
    }
  };
}
