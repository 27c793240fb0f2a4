import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, startTestApp, type TestApp } from '../../support/test-app';
import { CLIENT_BASIC, postForm } from './ops-helpers';

/** A full garbage collection: `global.gc` when node runs with --expose-gc, else enabled on the fly. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = (globalThis.gc ?? runInNewContext('gc')) as () => void;
  gc();
  gc();
}

/** The smallest of a few post-GC samples: one-off allocations in flight do not count. */
async function heapAfterGc(): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();
    samples.push(process.memoryUsage().heapUsed);
  }
  return Math.min(...samples);
}

/** Heap growth in MB, rounded, so a failure shows the measurement. */
function growthMb(before: number, after: number): number {
  return Math.round(((after - before) / 1024 / 1024) * 10) / 10;
}

async function failingCalls(app: TestApp, count: number, concurrency = 16): Promise<number[]> {
  const statuses: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next += 1;
      const res = await postForm(`${app.url}/api/token`, 'grant_type=client_credentials', {
        authorization: CLIENT_BASIC,
      });
      await res.arrayBuffer();
      statuses.push(res.status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

describe('memory stays flat over thousands of failing Authlete calls', () => {
  let fake: FaultAuthlete;
  let app: TestApp;
  beforeAll(async () => {
    fake = await startFaultAuthlete();
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      AUTHLETE_TIMEOUT_MS: '500',
      BREAKER_MIN_CALLS: '1000000',
      THROTTLE_ENABLED: 'false',
    });
  }, 60000);
  afterAll(async () => {
    await app?.close();
    await fake?.close();
  });

  it('2,000 calls answered 500 by Authlete (each one reaching it) leave the heap where it was', async () => {
    fake.fault({ kind: 'status', status: 500 }, 'auth/token');
    await failingCalls(app, 500); // warm-up: JIT, pools, metric label sets
    const before = await heapAfterGc();
    const statuses = await failingCalls(app, 2000);
    const after = await heapAfterGc();
    expect(statuses.every((status) => status === 500)).toBe(true);
    expect(fake.callsTo('auth/token').length).toBeGreaterThanOrEqual(2500);
    // A leak of even ~5 KB per failed call would add 10 MB; the bound leaves room for GC noise (measured: ±2 MB).
    expect(growthMb(before, after)).toBeLessThan(8);
  }, 120000);

  it('2,000 calls refused by an open breaker leave the heap where it was', async () => {
    await app.close();
    app = await startTestApp({
      ...fakeAuthleteEnv(fake.url),
      BREAKER_MIN_CALLS: '2',
      BREAKER_OPEN_MS: '3600000',
      THROTTLE_ENABLED: 'false',
    });
    fake.fault({ kind: 'garbage' }, 'auth/token');
    await failingCalls(app, 500);
    const before = await heapAfterGc();
    const statuses = await failingCalls(app, 2000);
    const after = await heapAfterGc();
    // Refused at once: 503 with the breaker's Retry-After.
    expect(statuses.every((status) => status === 503)).toBe(true);
    expect(growthMb(before, after)).toBeLessThan(8);
  }, 120000);
});
