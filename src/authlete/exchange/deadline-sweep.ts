import { deadlinePassed } from './authlete-exchange';

/** A call waiting for its answer, and what to do when its deadline passes first. */
interface Waiting {
  readonly at: number;
  readonly expire: () => void;
}

const waiting = new Set<Waiting>();
let sweeper: NodeJS.Timeout | undefined;

/** How often the deadlines are checked: a deadline fires at most this late. */
export const DEADLINE_SWEEP_MS = 25;

function sweep(): void {
  const now = performance.now();
  for (const call of waiting) {
    if (call.at <= now) {
      waiting.delete(call);
      call.expire();
    }
  }
  if (waiting.size === 0 && sweeper !== undefined) {
    clearInterval(sweeper);
    sweeper = undefined;
  }
}

/**
 * `work`, or a rejection with {@link deadlinePassed} once `timeoutMs` has passed (give or take
 * {@link DEADLINE_SWEEP_MS}), calling `cancel` then (an HTTP exchange closes its connection; the
 * embedded engine's calls are only given up on). One shared, unreferenced interval checks every
 * pending deadline, so a call costs a set entry instead of its own timer, `AbortController` and
 * `Promise.race`.
 */
export function settleWithin<T>(
  work: Promise<T>,
  timeoutMs: number,
  cancel?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const expire = (): void => {
      reject(deadlinePassed());
      cancel?.();
    };
    const call: Waiting = { at: performance.now() + timeoutMs, expire };
    waiting.add(call);
    sweeper ??= setInterval(sweep, DEADLINE_SWEEP_MS).unref();
    work.then(
      (value) => {
        waiting.delete(call);
        resolve(value);
      },
      (error: Error) => {
        waiting.delete(call);
        reject(error);
      },
    );
  });
}
