import { HttpService } from '@nestjs/axios';
import type { AuthleteHttpMethod } from '../../contract';
import { Injectable, Logger } from '@nestjs/common';
import { AxiosError, type AxiosResponse } from 'axios';
import { AuthleteApiError } from './authlete-api.error';
import { AuthleteConnection, apiPath, authorizationHeader } from './authlete-connection';
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

function errorKind(error: AxiosError): 'timeout' | 'unreachable' {
  const timedOut = ['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED'].includes(error.code ?? '');
  return timedOut ? 'timeout' : 'unreachable';
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

  constructor(
    private readonly http: HttpService,
    private readonly connection: AuthleteConnection,
    private readonly resilience: ResilientCaller,
  ) {}

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
    let response: AxiosResponse<string>;
    // A hard deadline for the whole exchange (axios' own timeout only covers idle sockets). One
    // cleared timer per call: AbortSignal.timeout() is markedly costlier under load on Node 20.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(),
      Math.min(this.connection.timeoutMs, timeoutMs),
    );
    try {
      // The HttpService's axios instance is called directly: its Observable wrapper cancels every
      // settled request on teardown, which builds a CanceledError with a stack trace per call.
      response = await this.http.axiosRef.request<string>({
        url: apiPath(this.connection, call.path ?? call.api),
        method: call.method,
        params: call.query,
        signal: deadline.signal,
        data: call.body === undefined ? undefined : JSON.stringify(call.body),
        headers: {
          Authorization: authorizationHeader(this.connection),
          Accept: 'application/json',
          ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
      });
    } catch (error) {
      const kind = error instanceof AxiosError ? errorKind(error) : 'unreachable';
      this.logger.warn(`${call.api}: ${kind}`);
      throw new AuthleteApiError(call.api, kind, 0);
    } finally {
      clearTimeout(timer);
    }
    const text = typeof response.data === 'string' ? response.data : '';
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
    const json = parseJson(call.api, response.status, text);
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
