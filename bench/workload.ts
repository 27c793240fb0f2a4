import { type FixedRequest, cannon } from './lib/cannon';
import { send } from './lib/http-client';
import type { LoadResult } from './lib/load-result';

/** One measured thing: a workload on one server. */
export interface Workload {
  /** e.g. `client_credentials/a`. */
  id: string;
  /** The workload (column group), e.g. `1 client_credentials`. */
  group: string;
  /** The server under test (`a`–`d`). */
  server: string;
  /** What one operation is. */
  unit: 'req' | 'flow';
  /** Checks the workload works (one real request); throws with the reason when it does not. */
  prepare(): Promise<void>;
  /** One timed run. */
  run(seconds: number): Promise<LoadResult>;
}

/** A request replayed by autocannon, validated first by one real request. */
export interface RequestWorkloadSpec {
  id: string;
  group: string;
  server: string;
  baseUrl: string;
  /** Built at prepare time (e.g. needs a token obtained then). */
  request: () => Promise<FixedRequest>;
  /** What a good answer contains. */
  expect: string;
  connections: number;
  /** Runs around each timed run (e.g. switch the fake's delay). */
  around?: { before(): Promise<void>; after(): Promise<void> };
}

/** A workload that replays one fixed request. */
export function requestWorkload(spec: RequestWorkloadSpec): Workload {
  let request: FixedRequest | undefined;
  return {
    id: spec.id,
    group: spec.group,
    server: spec.server,
    unit: 'req',
    prepare: async () => {
      request = await spec.request();
      await spec.around?.before();
      try {
        const answer = await send(
          `${spec.baseUrl}${request.path}`,
          request.method,
          request.headers,
          request.body,
        );
        if (answer.status !== 200 || !answer.body.includes(spec.expect)) {
          throw new Error(`HTTP ${answer.status} ${answer.body.slice(0, 300)}`);
        }
      } finally {
        await spec.around?.after();
      }
    },
    run: async (seconds) => {
      if (!request) throw new Error(`${spec.id} was not prepared`);
      await spec.around?.before();
      try {
        return await cannon(spec.baseUrl, request, spec.connections, seconds);
      } finally {
        await spec.around?.after();
      }
    },
  };
}
