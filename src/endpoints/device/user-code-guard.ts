import { Injectable } from '@nestjs/common';
import { keyHash } from '../../session/random-id';
import { StoreSpaces } from '../../session/store-spaces';

/** Wrong user codes allowed per window from one IP address, and from one browser session. */
export const USER_CODE_FAILURES_PER_IP = 10;
export const USER_CODE_FAILURES_PER_SESSION = 5;
/** The window, in seconds. */
export const USER_CODE_WINDOW_SECONDS = 600;

/** Whether one more user code may be tried now, and if not, for how long to wait. */
export type UserCodeGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Limits user-code guessing on the verification page (RFC 8628 §5.1: a brute-force attack on the
 * user code must be rate limited): failed codes are counted per IP address and per browser
 * session in the `security` store space (shared by every instance with Redis), and once either
 * count reaches its bound no code is looked up until the window ends.
 */
@Injectable()
export class UserCodeGuard {
  constructor(private readonly spaces: StoreSpaces) {}

  private keys(ip: string, sessionId: string): [string, number][] {
    return [
      [`device-code:ip:${keyHash(ip)}`, USER_CODE_FAILURES_PER_IP],
      [`device-code:session:${keyHash(sessionId)}`, USER_CODE_FAILURES_PER_SESSION],
    ];
  }

  /** Whether a code may be tried now from this address and session. */
  async check(ip: string, sessionId: string): Promise<UserCodeGate> {
    const store = this.spaces.space('security');
    for (const [key, bound] of this.keys(ip, sessionId)) {
      const count = Number((await store.get(key)) ?? '0');
      if (count >= bound) return { allowed: false, retryAfterSeconds: USER_CODE_WINDOW_SECONDS };
    }
    return { allowed: true };
  }

  /** Counts a wrong (unknown) code. */
  async recordFailure(ip: string, sessionId: string): Promise<void> {
    const store = this.spaces.space('security');
    for (const [key] of this.keys(ip, sessionId)) {
      await store.increment(key, USER_CODE_WINDOW_SECONDS);
    }
  }
}
