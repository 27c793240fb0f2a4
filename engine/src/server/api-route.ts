import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {
  ActionApiName,
  AuthleteApiEntry,
  AuthleteApiName,
  AuthleteHttpMethod,
  ResponseOf,
} from '../../../contract';
import type { RequestBody } from '../api/request-body';
import type { EngineContext } from '../context/engine-context';
import type { RawDocument } from '../protocol/raw-document';
import { answerApi } from './api-answer';

/**
 * How an API reports a caller error: its BAD_REQUEST action with an RFC 6749 error body, with an
 * RFC 6750 challenge, or bare; or (`caller`) the CALLER_ERROR action of the newer APIs such as
 * `/idtoken/reissue` and `/nativesso` (authlete-api.md §14); or (`vci`) the /vci parse APIs,
 * which have no CALLER_ERROR action and answer INTERNAL_SERVER_ERROR.
 */
export type CallerErrorStyle = 'json' | 'challenge' | 'none' | 'caller' | 'vci';

/**
 * What a handler of API `N` answers: the API's response type for an action API (an envelope
 * with one of its actions), a {@link RawDocument} for a document API.
 */
export type EngineAnswer<N extends AuthleteApiName> = N extends ActionApiName
  ? ResponseOf<N>
  : RawDocument;

/** The engine's side of one catalogue entry: its handler and how it reports errors. */
export interface EngineRoute<N extends AuthleteApiName> {
  /** The first three digits of this API's result codes (authlete-api.md §10). */
  apiCode: string;
  callerErrorStyle: CallerErrorStyle;
  /** Methods accepted besides the catalogue's (Authlete also takes POST on some GET APIs). */
  alsoAccepts?: readonly AuthleteHttpMethod[];
  handle(context: EngineContext, body: RequestBody): EngineAnswer<N> | Promise<EngineAnswer<N>>;
}

/** One route per catalogue entry: the type makes a missing or extra handler a compile error. */
export type EngineRoutes = { readonly [N in AuthleteApiName]: EngineRoute<N> };

/**
 * The members of an API call: the query of a GET or DELETE, else the JSON body; plus the path
 * segments the catalogue path names (`{clientId}`), never the service id.
 */
function requestMembers(request: FastifyRequest): unknown {
  const { serviceId: _serviceId, ...segments } = request.params as Record<string, string>;
  const carried =
    request.method === 'GET' || request.method === 'DELETE' ? request.query : request.body;
  if (Object.keys(segments).length === 0) return carried;
  const members = typeof carried === 'object' && carried !== null ? carried : {};
  return { ...members, ...segments };
}

/**
 * Registers the route of one catalogue entry under `/api/:serviceId/{path}`. A CallerError
 * becomes the API's BAD_REQUEST action (HTTP 200, authlete-api.md §1.3); everything else goes to
 * the server's error handler.
 */
export function registerApi(
  app: FastifyInstance,
  context: EngineContext,
  entry: AuthleteApiEntry,
  route: EngineRoute<AuthleteApiName>,
): void {
  const path = `/${entry.path}`;
  app.route({
    method: [entry.method, ...(route.alsoAccepts ?? [])],
    // `{clientId}` in the catalogue is Fastify's `:clientId`.
    url: `/api/:serviceId${path.replace(/\{(\w+)\}/g, ':$1')}`,
    handler: async (request, reply) => {
      const answer = await answerApi(context, route, path, requestMembers(request));
      return reply.code(answer.status).type(answer.contentType).send(answer.body);
    },
  });
}
