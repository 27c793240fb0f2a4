import {
  AxiosError,
  type AxiosAdapter,
  type AxiosResponse,
  type InternalAxiosRequestConfig,
} from 'axios';
import type { AuthleteHttpMethod } from '../../../contract';
import { type AuthleteExchange, AuthleteExchangeError } from './authlete-exchange';

/** The methods of the Authlete API (anything else is sent as GET). */
const METHODS: readonly AuthleteHttpMethod[] = ['GET', 'POST', 'PUT', 'DELETE'];

/** The AxiosError code the transport maps each failure from (`ECONNABORTED` means a timeout). */
const AXIOS_CODE = {
  timeout: AxiosError.ECONNABORTED,
  unreachable: AxiosError.ERR_NETWORK,
  'too-large': AxiosError.ERR_BAD_RESPONSE,
} as const;

function pathOf(config: InternalAxiosRequestConfig): string {
  const path = config.url ?? '/';
  const params = config.params as Record<string, string> | undefined;
  if (params === undefined) return path;
  const query = new URLSearchParams(params).toString();
  return query.length > 0 ? `${path}?${query}` : path;
}

function headersOf(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers.toJSON())) {
    if (typeof value === 'string') headers[name] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') headers[name] = String(value);
  }
  return headers;
}

/**
 * An axios adapter over an {@link AuthleteExchange}: @nestjs/axios stays the HTTP client API of
 * the service while the bytes move over an undici pool, or in process to the embedded engine.
 * The body is passed as text (the transport serialises JSON itself); every status resolves (the
 * module sets `validateStatus` to accept all); failures become AxiosErrors with the code
 * `AuthleteTransport` maps.
 */
export function exchangeAxiosAdapter(exchange: AuthleteExchange): AxiosAdapter {
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const verb = (config.method ?? 'get').toUpperCase();
    const method = METHODS.find((known) => known === verb) ?? 'GET';
    try {
      const answer = await exchange({
        method,
        path: pathOf(config),
        headers: headersOf(config),
        body: typeof config.data === 'string' ? config.data : undefined,
        signal: config.signal as AbortSignal | undefined,
        maxBytes: config.maxContentLength ?? Number.POSITIVE_INFINITY,
      });
      return {
        data: answer.body,
        status: answer.status,
        statusText: '',
        headers: answer.headers,
        config,
      };
    } catch (error) {
      if (!(error instanceof AuthleteExchangeError)) throw error;
      throw new AxiosError(error.message, AXIOS_CODE[error.failure], config);
    }
  };
}
