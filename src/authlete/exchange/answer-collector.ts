import { util } from 'undici';
import type Dispatcher from 'undici/types/dispatcher';
import {
  type AuthleteExchangeResponse,
  AuthleteExchangeError,
  deadlinePassed,
} from './authlete-exchange';

const TIMEOUT_CODES = new Set([
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_ABORTED',
]);

/** An undici failure as the exchange reports it: `timeout` or `unreachable`, with its code. */
export function exchangeFailureOf(error: unknown): AuthleteExchangeError {
  if (error instanceof AuthleteExchangeError) return error;
  const code =
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : 'UNKNOWN';
  return new AuthleteExchangeError(TIMEOUT_CODES.has(code) ? 'timeout' : 'unreachable', code);
}

/**
 * An undici dispatch handler that collects one answer — status, headers and text — straight from
 * the socket's chunks (no body stream per call), refusing one over `maxBytes` (declared or
 * counted) by closing its connection. {@link abort} gives up on the request the same way.
 */
export class AnswerCollector implements Dispatcher.DispatchHandlers {
  /** Settles once: the answer, or an {@link AuthleteExchangeError}. */
  readonly answer: Promise<AuthleteExchangeResponse>;
  private resolve!: (answer: AuthleteExchangeResponse) => void;
  private reject!: (error: AuthleteExchangeError) => void;
  private settled = false;
  private cancel?: (reason: Error) => void;
  private status = 0;
  private headers: Record<string, string | string[]> = {};
  private readonly chunks: Buffer[] = [];
  private size = 0;

  constructor(private readonly maxBytes: number) {
    this.answer = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  onConnect(abort: (reason?: Error) => void): void {
    this.cancel = abort;
  }

  onHeaders(statusCode: number, headers: Buffer[]): boolean {
    this.status = statusCode;
    this.headers = util.parseHeaders(headers);
    if (Number(this.headers['content-length']) > this.maxBytes) return this.refuse();
    return true;
  }

  onData(chunk: Buffer): boolean {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return this.refuse();
    this.chunks.push(chunk);
    return true;
  }

  onComplete(): void {
    const body = Buffer.concat(this.chunks, this.size).toString('utf8');
    this.settle(() => this.resolve({ status: this.status, headers: this.headers, body }));
  }

  onError(error: Error): void {
    this.settle(() => this.reject(exchangeFailureOf(error)));
  }

  /** Gives up on the request (its deadline passed) and closes its connection. */
  abort(): void {
    this.fail(deadlinePassed());
  }

  private refuse(): false {
    this.fail(new AuthleteExchangeError('too-large', 'ERR_CONTENT_LENGTH'));
    return false;
  }

  private fail(error: AuthleteExchangeError): void {
    this.settle(() => this.reject(error));
    this.cancel?.(error);
  }

  private settle(outcome: () => void): void {
    if (this.settled) return;
    this.settled = true;
    outcome();
  }
}
