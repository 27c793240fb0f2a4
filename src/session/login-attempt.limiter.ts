import { Inject, Injectable, Optional } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { LoginEvents } from '../common/observability-ports';
import type { KeyValueStore } from './key-value.store';
import { delaySeconds, type DelayCurve } from './login-delay';
import { keyHash } from './random-id';
import { StoreSpaces } from './store-spaces';

/** Whether a sign-in may be tried now; if not, how long to wait (whole seconds, rounded up). */
export type LoginGate =
  { readonly allowed: true } | { readonly allowed: false; readonly waitSeconds: number };

/** Injection token of the limiter's clock (milliseconds), for tests. */
export const LOGIN_LIMITER_CLOCK = 'LOGIN_LIMITER_CLOCK';

const KNOWN_ADDRESS_TTL_SECONDS = 30 * 24 * 3600;

function number(text: string | undefined): number {
  const value = Number(text ?? 0);
  return Number.isFinite(value) ? value : 0;
}

/**
 * Brute-force protection without lockout denial of service (Keycloak's brute-force model: a wait
 * that grows with failures, never a hard lock; OWASP Authentication Cheat Sheet), shared by the
 * login form and the PASSWORD grant (RFC 6749 §10.10):
 * - per (username, IP): past `LOGIN_PAIR_FREE_FAILURES` failures each one doubles the wait, from
 *   1 s up to `LOGIN_PAIR_MAX_DELAY_SECONDS`; counts reset after `LOGIN_FAILURE_RESET_SECONDS`;
 * - per username, across addresses: past `LOGIN_RATE_MAX_PER_USER` failures a wait that doubles up
 *   to `LOGIN_USER_MAX_DELAY_SECONDS`, which does not apply at addresses the user signed in from
 *   before: an attacker elsewhere slows only strangers, never the user at home;
 * - per IP, across usernames: at most `LOGIN_RATE_MAX_PER_IP` failures per
 *   `LOGIN_RATE_WINDOW_SECONDS` (password spraying), then a wait until the window ends.
 * Counters live in the `security` store space, which no other traffic can evict.
 */
@Injectable()
export class LoginAttemptLimiter {
  private readonly store: KeyValueStore;
  private readonly pairCurve: DelayCurve;
  private readonly userCurve: DelayCurve;

  constructor(
    spaces: StoreSpaces,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
    @Optional() private readonly events?: LoginEvents,
    @Optional() @Inject(LOGIN_LIMITER_CLOCK) private readonly clock?: () => number,
  ) {
    this.store = spaces.space('security');
    this.pairCurve = {
      freeFailures: config.loginPairFreeFailures,
      baseSeconds: 1,
      maxSeconds: config.loginPairMaxDelaySeconds,
    };
    this.userCurve = {
      freeFailures: config.loginMaxPerUser,
      baseSeconds: 1,
      maxSeconds: config.loginUserMaxDelaySeconds,
    };
  }

  private now(): number {
    return this.clock?.() ?? Date.now();
  }

  private keys(username: string, ip: string) {
    const user = keyHash(username.normalize('NFC').toLowerCase());
    return {
      pair: `fail:pair:${user}:${ip}`,
      pairAt: `fail:pair-at:${user}:${ip}`,
      user: `fail:user:${user}`,
      userAt: `fail:user-at:${user}`,
      ip: `fail:ip:${ip}`,
      ipSince: `fail:ip-since:${ip}`,
      known: `known:${user}:${ip}`,
    };
  }

  /** The wait now in force for `username` at `ip`, in milliseconds (0 when a try is allowed). */
  private async waitMs(username: string, ip: string): Promise<number> {
    const keys = this.keys(username, ip);
    const [pair, pairAt, user, userAt, address, ipSince, known] = await Promise.all(
      [keys.pair, keys.pairAt, keys.user, keys.userAt, keys.ip, keys.ipSince, keys.known].map(
        (key) => this.store.get(key),
      ),
    );
    const now = this.now();
    const pairWait = number(pairAt) + delaySeconds(this.pairCurve, number(pair)) * 1000 - now;
    const userWait =
      known === undefined
        ? number(userAt) + delaySeconds(this.userCurve, number(user)) * 1000 - now
        : 0;
    const ipWait =
      number(address) >= this.config.loginMaxPerIp
        ? number(ipSince) + this.config.loginWindowSeconds * 1000 - now
        : 0;
    return Math.max(0, pairWait, userWait, ipWait);
  }

  private gate(waitMs: number): LoginGate {
    return waitMs > 0
      ? { allowed: false, waitSeconds: Math.ceil(waitMs / 1000) }
      : { allowed: true };
  }

  /** Whether `username` may try to sign in from `ip` now (counted as `rate_limited` if not). */
  async check(username: string, ip: string): Promise<LoginGate> {
    const gate = this.gate(await this.waitMs(username, ip));
    if (!gate.allowed) this.events?.failed('rate_limited');
    return gate;
  }

  /** Counts a failed sign-in; returns the wait it puts on the next try from the same address. */
  async recordFailure(username: string, ip: string): Promise<LoginGate> {
    this.events?.failed('invalid_credentials');
    const keys = this.keys(username, ip);
    const reset = this.config.loginFailureResetSeconds;
    const window = this.config.loginWindowSeconds;
    const now = String(this.now());
    const [, , address] = await Promise.all([
      this.store.increment(keys.pair, reset),
      this.store.increment(keys.user, window),
      this.store.increment(keys.ip, window),
      this.store.set(keys.pairAt, now, reset),
      this.store.set(keys.userAt, now, window),
    ]);
    if (address === 1) await this.store.set(keys.ipSince, now, window);
    return this.gate(await this.waitMs(username, ip));
  }

  /**
   * After a successful sign-in: clears the (username, IP) failures and remembers the address as
   * one the user signs in from, exempt from the username-wide wait.
   */
  async recordSuccess(username: string, ip: string): Promise<void> {
    this.events?.succeeded();
    const keys = this.keys(username, ip);
    await Promise.all([
      this.store.delete(keys.pair),
      this.store.delete(keys.pairAt),
      this.store.set(keys.known, '1', KNOWN_ADDRESS_TTL_SECONDS),
    ]);
  }
}
