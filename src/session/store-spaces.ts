import { type DueSchedule, MemoryDueSchedule, type ScheduleName } from './due-schedule';
import { type KeyValueStore } from './key-value.store';

/**
 * The separate key spaces of the session state, each with its own bound, so traffic of one kind
 * can never evict state of another (an anonymous flood evicts only anonymous interactions):
 * - `anonymous`: sessions without a login and the pages they were shown;
 * - `interactions`: pages shown to signed-in sessions (consent, re-login);
 * - `sessions`: signed-in browser sessions;
 * - `consents`: what each user granted each client;
 * - `security`: failed-sign-in counters and the addresses users signed in from;
 * - `general`: everything else (single-use marks, other features' records).
 */
export const STORE_SPACES = [
  'anonymous',
  'interactions',
  'sessions',
  'consents',
  'security',
  'general',
] as const;

/** One key space of {@link StoreSpaces}. */
export type StoreSpace = (typeof STORE_SPACES)[number];

/**
 * The most keys each space holds. In memory the oldest keys of a full space go first; on Redis the
 * keys that expire soonest (an index per space, trimmed on every write). Every key also has a TTL.
 */
export const STORE_SPACE_CAPS: Readonly<Record<StoreSpace, number>> = {
  anonymous: 100_000,
  interactions: 50_000,
  sessions: 100_000,
  consents: 200_000,
  security: 100_000,
  general: 100_000,
};

/**
 * Hands out the {@link KeyValueStore} of each space (memory or Redis), and the {@link DueSchedule}s
 * (in this process's memory unless a subclass keeps them elsewhere, as Redis does).
 */
export abstract class StoreSpaces {
  private readonly schedules = new Map<ScheduleName, DueSchedule>();

  abstract space(name: StoreSpace): KeyValueStore;

  /** The schedule `name`; one per name. */
  schedule(name: ScheduleName): DueSchedule {
    let schedule = this.schedules.get(name);
    if (schedule === undefined) {
      schedule = this.createSchedule(name);
      this.schedules.set(name, schedule);
    }
    return schedule;
  }

  /** Makes the schedule `name` (in memory here). */
  protected createSchedule(name: ScheduleName): DueSchedule {
    void name;
    return new MemoryDueSchedule();
  }
}
