import { Injectable } from '@nestjs/common';

/** How many sessions one instance watches; beyond it the oldest entries are dropped. */
const MAX_WATCHED = 100_000;

/**
 * When each login session that has relying parties expires (OpenID Connect Back-Channel Logout
 * 1.0 §2.7: the OP notifies RPs when a session ends, expiry included). A signed-in session lives
 * a fixed `SESSION_TTL_SECONDS` from sign-in and is never renewed, so its end is known when the
 * first relying party joins it. Kept in this instance's memory, bounded; the sweep that reads it
 * lives with the back-channel notification.
 */
@Injectable()
export class SessionExpirySchedule {
  private readonly due = new Map<string, number>();

  /** Watches session `sid`, ending at `endsAtMs` (milliseconds since the epoch). */
  watch(sid: string, endsAtMs: number): void {
    this.due.delete(sid);
    this.due.set(sid, endsAtMs);
    if (this.due.size > MAX_WATCHED) {
      const oldest = this.due.keys().next().value;
      if (oldest !== undefined) this.due.delete(oldest);
    }
  }

  /** Stops watching `sid` (the session ended otherwise). */
  forget(sid: string): void {
    this.due.delete(sid);
  }

  /** The sessions ended by `nowMs`, no longer watched afterwards. */
  takeEnded(nowMs: number): string[] {
    const ended: string[] = [];
    for (const [sid, endsAt] of this.due) {
      if (endsAt <= nowMs) ended.push(sid);
    }
    for (const sid of ended) this.due.delete(sid);
    return ended;
  }

  get size(): number {
    return this.due.size;
  }
}
