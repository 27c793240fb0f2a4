import { Injectable } from '@nestjs/common';
import type { DueSchedule } from './due-schedule';
import { StoreSpaces } from './store-spaces';

/** The most ended sessions one sweep takes; the next sweep takes the rest. */
const TAKE_PER_SWEEP = 1_000;

/**
 * When each login session that has relying parties expires (OpenID Connect Back-Channel Logout
 * 1.0 §2.7: the OP notifies RPs when a session ends, expiry included). A signed-in session lives
 * a fixed `SESSION_TTL_SECONDS` from sign-in and is never renewed, so its end is known when the
 * first relying party joins it. Kept in the store spaces' `session-expiry` schedule: in memory,
 * or with `REDIS_URL` in Redis, where every instance's sweep draws from the same schedule (each
 * session once) and a restart forgets nothing. The sweep lives with the back-channel notification.
 */
@Injectable()
export class SessionExpirySchedule {
  private readonly due: DueSchedule;

  constructor(spaces: StoreSpaces) {
    this.due = spaces.schedule('session-expiry');
  }

  /** Watches session `sid`, ending at `endsAtMs` (milliseconds since the epoch). */
  watch(sid: string, endsAtMs: number): Promise<void> {
    return this.due.watch(sid, endsAtMs);
  }

  /** Stops watching `sid` (the session ended otherwise). */
  forget(sid: string): Promise<void> {
    return this.due.forget(sid);
  }

  /** Sessions ended by `nowMs` (up to a thousand), no longer watched afterwards. */
  takeEnded(nowMs: number): Promise<string[]> {
    return this.due.takeDue(nowMs, TAKE_PER_SWEEP);
  }
}
