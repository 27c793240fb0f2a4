import { Inject, Injectable, Optional } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { LoginEvents } from '../shared/observability-ports';
import { KeyValueStore } from './key-value.store';
import { keyHash } from './random-id';

/**
 * Limits failed logins per username and per client IP in a fixed window
 * (`LOGIN_RATE_MAX_PER_USER`, `LOGIN_RATE_MAX_PER_IP`, `LOGIN_RATE_WINDOW_SECONDS`; OWASP
 * authentication cheat sheet, RFC 6749 §10.10). Used by the login form and the PASSWORD grant,
 * it also reports each outcome to {@link LoginEvents} (the `login_attempts_total` metric).
 */
@Injectable()
export class LoginAttemptLimiter {
  constructor(
    private readonly store: KeyValueStore,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
    @Optional() private readonly events?: LoginEvents,
  ) {}

  private userKey(username: string): string {
    return `login-fail:user:${keyHash(username.normalize('NFC').toLowerCase())}`;
  }

  private ipKey(ip: string): string {
    return `login-fail:ip:${ip}`;
  }

  /** True when the username or the IP has used up its failed attempts. */
  async isBlocked(username: string, ip: string): Promise<boolean> {
    const [user, address] = await Promise.all([
      this.store.get(this.userKey(username)),
      this.store.get(this.ipKey(ip)),
    ]);
    const blocked =
      Number(user ?? 0) >= this.config.loginMaxPerUser ||
      Number(address ?? 0) >= this.config.loginMaxPerIp;
    if (blocked) this.events?.failed('rate_limited');
    return blocked;
  }

  /** Counts a failed login against the username and the IP. */
  async recordFailure(username: string, ip: string): Promise<void> {
    this.events?.failed('invalid_credentials');
    const window = this.config.loginWindowSeconds;
    await Promise.all([
      this.store.increment(this.userKey(username), window),
      this.store.increment(this.ipKey(ip), window),
    ]);
  }

  /** Clears the username's failures after a successful login. */
  async recordSuccess(username: string): Promise<void> {
    this.events?.succeeded();
    await this.store.delete(this.userKey(username));
  }
}
