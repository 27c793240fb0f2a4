import type { AuthleteApiName } from '../../../contract';
import { CallerError } from '../api/caller-error';
import { RequestBody } from '../api/request-body';
import type { EngineContext } from '../context/engine-context';
import { RawDocument } from '../protocol/raw-document';
import { bearerChallenge, envelope, oauthErrorJson, type Result } from '../protocol/result';
import type { CallerErrorStyle, EngineRoute } from './api-route';

/** The content type of every action envelope, as Fastify writes it for a JSON object. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** A well-formed API call's answer as it goes on the wire: status, content type, body text. */
export interface ApiAnswer {
  status: number;
  contentType: string;
  body: string;
}

function callerErrorResponse(
  context: EngineContext,
  style: CallerErrorStyle,
  value: Result,
): object {
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
    case 'caller':
      return envelope(value, 'CALLER_ERROR');
    case 'vci':
      return envelope(value, 'INTERNAL_SERVER_ERROR');
  }
}

/**
 * Runs the handler of one API with the call's members (authlete-api.md §1.3): an action envelope
 * or a raw document, or — for a CallerError — the API's BAD_REQUEST (or CALLER_ERROR) action,
 * answered with HTTP 200. Anything else thrown (ApiError, StoreFullError, a fault) goes to the
 * caller's error channel. Shared by the HTTP routes and the in-process dispatcher, so both answer
 * alike.
 */
export async function runApi(
  context: EngineContext,
  route: EngineRoute<AuthleteApiName>,
  path: string,
  members: unknown,
): Promise<object> {
  try {
    return await route.handle(context, new RequestBody(members, route.apiCode, path));
  } catch (error) {
    if (!(error instanceof CallerError)) throw error;
    return callerErrorResponse(context, route.callerErrorStyle, error.result);
  }
}

/** {@link runApi}'s answer as it goes on the wire: status, content type and body text. */
export async function answerApi(
  context: EngineContext,
  route: EngineRoute<AuthleteApiName>,
  path: string,
  members: unknown,
): Promise<ApiAnswer> {
  return wireAnswer(await runApi(context, route, path, members));
}

/** A raw document as it is; an action envelope as JSON text with HTTP 200. */
export function wireAnswer(answer: object): ApiAnswer {
  if (answer instanceof RawDocument) {
    return { status: answer.status, contentType: answer.contentType, body: answer.body };
  }
  return { status: 200, contentType: JSON_CONTENT_TYPE, body: JSON.stringify(answer) };
}
