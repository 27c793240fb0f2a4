import type { AuthleteHttpMethod } from '../../contract';
import { Injectable, Logger } from '@nestjs/common';
import { AuthleteApiError } from './authlete-api.error';
import { AuthleteConnection, apiPath, authorizationHeader } from './authlete-connection';
import {
  type AuthleteExchange,
  AuthleteExchangeError,
  type AuthleteExchangeResponse,
} from './exchange/authlete-exchange';
import { AuthleteExchangeHolder } from './exchange/authlete-exchange-holder';
import { type ExecuteOptions, ResilientCaller } from './resilience/resilient-caller';
import { parseRetryAfter } from './retry-after';

/** A call as the transport sees it: a query (GET, DELETE) or a JSON body (POST, PUT). */
export interface AuthleteCall {
  /** The catalogue path of the API: its name in logs, metrics and breakers. */
  api: string;
  /** The path with its `{x}` segments filled, when it has any; else `api`. */
  path?: string;
  method: AuthleteHttpMethod;
  body?: object;
  query?: Record<string, string>;
}

/** A raw 2xx answer: status, parsed JSON (undefined for an empty body) and the Location header. */
export interface AuthleteRawAnswer {
  status: number;
  json: unknown;
  location?: string;
}

/** Largest answer accepted from Authlete (10 MiB); a larger one is refused as unreachable. */
export const MAX_ANSWER_BYTES = 10 * 1024 * 1024;

/** The one error translation of the transport: an exchange failure → an API-level failure kind. */
function errorKind(error: unknown): 'timeout' | 'unreachable' {
  return error instanceof AuthleteExchangeError && error.failure === 'timeout'
    ? 'timeout'
    : 'unreachable';
}

/** A fault other than a failed exchange (a bug), named in the log line: never a secret. */
function causeOf(error: unknown): string {
  if (error instanceof AuthleteExchangeError || !(error instanceof Error)) return '';
  return ` (${error.name}: ${error.message})`;
}

function pathOf(connection: AuthleteConnection, call: AuthleteCall): string {
  const path = apiPath(connection, call.path ?? call.api);
  if (call.query === undefined) return path;
  const query = new URLSearchParams(call.query).toString();
  return query.length > 0 ? `${path}?${query}` : path;
}

function resultOf(answer: AuthleteRawAnswer): string {
  const action = resultField(answer.json, 'action');
  return action ?? String(answer.status);
}

function parseJson(api: string, status: number, text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AuthleteApiError(api, 'invalid-json', status);
  }
}

function resultField(
  json: unknown,
  name: 'action' | 'resultCode' | 'resultMessage',
): string | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const value = (json as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Sends requests to the Authlete API over the shared keep-alive pool (authlete-api.md §1): the right
 * path and `Authorization` header for V3 or V2, JSON in and out, a hard per-attempt deadline, and the
 * {@link ResilientCaller} (per-API breaker; retries for safe APIs only). Every API-level failure
 * becomes an {@link AuthleteApiError}.
 */
@Injectable()
export class AuthleteTransport {
  private readonly logger = new Logger('Authlete');
  private readonly exchange: AuthleteExchange;
  /** Built once: the Authorization header never changes for a connection. */
  private readonly getHeaders: Record<string, string>;
  private readonly postHeaders: Record<string, string>;

  constructor(
    holder: AuthleteExchangeHolder,
    private readonly connection: AuthleteConnection,
    private readonly resilience: ResilientCaller,
  ) {
    this.exchange = holder.exchange;
    const authorization = authorizationHeader(connection);
    this.getHeaders = { authorization, accept: 'application/json' };
    this.postHeaders = { ...this.getHeaders, 'content-type': 'application/json' };
  }

  /** Performs the call and returns the raw 2xx answer, or throws {@link AuthleteApiError}. */
  send(call: AuthleteCall, options?: ExecuteOptions): Promise<AuthleteRawAnswer> {
    return this.resilience.execute(
      call.api,
      (timeoutMs) => this.attempt(call, timeoutMs),
      resultOf,
      options,
    );
  }

  /** One exchange, cut after `timeoutMs` or `AUTHLETE_TIMEOUT_MS`, whichever comes first. */
  private async attempt(call: AuthleteCall, timeoutMs: number): Promise<AuthleteRawAnswer> {
    let response: AuthleteExchangeResponse;
    try {
      response = await this.exchange({
        method: call.method,
        path: pathOf(this.connection, call),
        headers: call.body === undefined ? this.getHeaders : this.postHeaders,
        json: call.body,
        timeoutMs: Math.min(this.connection.timeoutMs, timeoutMs),
        maxBytes: MAX_ANSWER_BYTES,
      });
    } catch (error) {
      const kind = errorKind(error);
      this.logger.warn(`${call.api}: ${kind}${causeOf(error)}`);
      throw new AuthleteApiError(call.api, kind, 0);
    }
    const text = response.body;
    const location: unknown = response.headers['location'];
    if (call.method === 'GET' && response.status === 302 && typeof location === 'string') {
      // /service/jwks/get may redirect to the service's external jwks_uri (authlete-api.md §8.7).
      return { status: 302, json: undefined, location };
    }
    if (response.status < 200 || response.status >= 300) {
      const json = safeParse(text);
      const error = new AuthleteApiError(
        call.api,
        'http',
        response.status,
        resultField(json, 'resultCode'),
        resultField(json, 'resultMessage'),
        parseRetryAfter(response.headers),
      );
      this.logger.warn(`${call.api}: HTTP ${response.status} ${error.resultCode ?? ''}`.trim());
      throw error;
    }
    const json = response.json ?? parseJson(call.api, response.status, text);
    this.logger.debug(
      `${call.api}: ${resultField(json, 'resultCode') ?? response.status} ${resultField(json, 'resultMessage') ?? ''}`,
    );
    return {
      status: response.status,
      json,
      location: typeof location === 'string' ? location : undefined,
    };
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
