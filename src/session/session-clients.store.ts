import { Inject, Injectable } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { KeyValueStore } from './key-value.store';
import { SessionExpirySchedule } from './session-expiry-schedule';

/** A relying party that received tokens in one login session, and the `sub` it knows the user by. */
export interface SessionClient {
  /** The `client_id` (Authlete `clientIdAlias`, else the numeric id). */
  readonly clientId: string;
  /** The subject as that client sees it: pairwise for PAIRWISE clients (OIDC Core §8.1). */
  readonly sub: string;
}

/** How many relying parties one session remembers; the oldest ones are dropped beyond it. */
const MAX_CLIENTS = 50;

/** How long the record outlives its session, so the expiry sweep still finds who to notify. */
const EXPIRY_GRACE_SECONDS = 3600;

/**
 * The relying parties of each login session, keyed by its `sid` (OpenID Connect Back-Channel
 * Logout 1.0 §2.1): who must be told when the session ends. Kept a little longer than the login
 * session, whose end is put on the {@link SessionExpirySchedule}.
 */
@Injectable()
export class SessionClientsStore {
  constructor(
    private readonly store: KeyValueStore,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
    private readonly expiry: SessionExpirySchedule,
  ) {}

  /**
   * Remembers that `client` received tokens in session `sid`, a session that started at
   * `startedAt` (seconds since the epoch; now when unknown) and so ends `SESSION_TTL_SECONDS`
   * later.
   */
  async add(sid: string, client: SessionClient, startedAt?: number): Promise<void> {
    const known = (await this.list(sid)).filter((entry) => entry.clientId !== client.clientId);
    const kept = [...known, client].slice(-MAX_CLIENTS);
    const ttl = this.config.ttlSeconds + EXPIRY_GRACE_SECONDS;
    await this.store.set(this.key(sid), JSON.stringify(kept), ttl);
    const start = startedAt ?? Math.floor(Date.now() / 1000);
    await this.expiry.watch(sid, (start + this.config.ttlSeconds) * 1000);
  }

  /** The relying parties of session `sid`. */
  async list(sid: string): Promise<SessionClient[]> {
    const text = await this.store.get(this.key(sid));
    if (text === undefined) return [];
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as SessionClient[]) : [];
  }

  /** Reads and forgets the relying parties of `sid` in one step (a session is ended once). */
  async take(sid: string): Promise<SessionClient[]> {
    await this.expiry.forget(sid);
    const text = await this.store.take(this.key(sid));
    if (text === undefined) return [];
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? (parsed as SessionClient[]) : [];
  }

  private key(sid: string): string {
    return `session-clients:${sid}`;
  }
}
