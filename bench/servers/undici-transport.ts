/**
 * EXPERIMENT ONLY (BENCH_EXPERIMENT=undici-transport): swaps the private `attempt` of the service's
 * AuthleteTransport for an undici Pool doing the same exchange (path, auth header, JSON in and out,
 * deadline), so the benchmark can measure what replacing axios + rxjs would gain. Never used by the
 * service itself; errors are mapped coarsely.
 */
import type { INestApplication } from '@nestjs/common';
import { Pool } from 'undici';
import { AuthleteApiError } from '../../src/authlete/authlete-api.error';
import {
  AuthleteConnection,
  apiPath,
  authorizationHeader,
} from '../../src/authlete/authlete-connection';
import {
  type AuthleteCall,
  type AuthleteRawAnswer,
  AuthleteTransport,
} from '../../src/authlete/authlete-transport';

/** Installs the undici-based attempt on the app's AuthleteTransport instance. */
export function useUndiciTransport(app: INestApplication): void {
  const connection = app.get(AuthleteConnection);
  const transport: unknown = app.get(AuthleteTransport);
  const patched = transport as {
    attempt: (call: AuthleteCall) => Promise<AuthleteRawAnswer>;
  };
  if (typeof patched.attempt !== 'function') {
    throw new Error('AuthleteTransport has no attempt() any more: update the undici experiment');
  }
  const pool = new Pool(connection.baseUrl, { connections: connection.maxSockets });
  const authorization = authorizationHeader(connection);
  patched.attempt = async (call: AuthleteCall): Promise<AuthleteRawAnswer> => {
    const query = call.query ? `?${new URLSearchParams(call.query).toString()}` : '';
    let answer;
    try {
      answer = await pool.request({
        path: `${apiPath(connection, call.api)}${query}`,
        method: call.method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        headersTimeout: connection.timeoutMs,
        bodyTimeout: connection.timeoutMs,
      });
    } catch {
      throw new AuthleteApiError(call.api, 'unreachable', 0);
    }
    const text = await answer.body.text();
    if (answer.statusCode < 200 || answer.statusCode >= 300) {
      throw new AuthleteApiError(call.api, 'http', answer.statusCode);
    }
    const location = answer.headers['location'];
    return {
      status: answer.statusCode,
      json: text.length > 0 ? (JSON.parse(text) as unknown) : undefined,
      location: typeof location === 'string' ? location : undefined,
    };
  };
}
