/** The schedules of {@link StoreSpaces}: ids that fall due at a known time. */
export type ScheduleName = 'session-expiry';

/** The most ids one schedule holds; beyond it, the oldest entries (due soonest) are dropped. */
export const SCHEDULE_CAP = 100_000;

/**
 * Ids that fall due at a known time, each handed out once when it does: in this process's memory,
 * or in Redis, where every instance shares the schedule and it survives a restart.
 */
export abstract class DueSchedule {
  /** Puts `id` on the schedule, due at `dueAtMs` (milliseconds since the epoch); moves it if on. */
  abstract watch(id: string, dueAtMs: number): Promise<void>;

  /** Takes `id` off the schedule. */
  abstract forget(id: string): Promise<void>;

  /** Up to `limit` ids due by `nowMs`, taken off the schedule: no caller gets an id twice. */
  abstract takeDue(nowMs: number, limit: number): Promise<string[]>;
}

/** A {@link DueSchedule} in this process's memory, bounded by `cap` (the first put on goes first). */
export class MemoryDueSchedule extends DueSchedule {
  private readonly due = new Map<string, number>();

  constructor(private readonly cap: number = SCHEDULE_CAP) {
    super();
  }

  watch(id: string, dueAtMs: number): Promise<void> {
    this.due.delete(id);
    this.due.set(id, dueAtMs);
    if (this.due.size > this.cap) {
      // The first put on is dropped: with one lifetime for every session, it is due soonest.
      const first = this.due.keys().next().value;
      if (first !== undefined) this.due.delete(first);
    }
    return Promise.resolve();
  }

  forget(id: string): Promise<void> {
    this.due.delete(id);
    return Promise.resolve();
  }

  takeDue(nowMs: number, limit: number): Promise<string[]> {
    const taken: string[] = [];
    for (const [id, at] of this.due) {
      if (taken.length >= limit) break;
      if (at <= nowMs) taken.push(id);
    }
    for (const id of taken) this.due.delete(id);
    return Promise.resolve(taken);
  }

  /** Number of ids on the schedule (tests and diagnostics). */
  get size(): number {
    return this.due.size;
  }
}
