import { Inject, Injectable } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { KeyValueStore } from './key-value.store';
import type { BrowserSession } from './session.types';

/**
 * The SessionStore (design.md §6): browser sessions keyed by the random id in the session
 * cookie. A session without a login lives as long as one interaction; a logged-in one for
 * `SESSION_TTL_SECONDS`.
 */
@Injectable()
export class SessionStore {
  constructor(
    private readonly store: KeyValueStore,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
  ) {}

  async get(id: string): Promise<BrowserSession | undefined> {
    const text = await this.store.get(`session:${id}`);
    return text === undefined ? undefined : (JSON.parse(text) as BrowserSession);
  }

  async save(id: string, session: BrowserSession): Promise<void> {
    const ttl =
      session.login === undefined ? this.config.interactionTtlSeconds : this.config.ttlSeconds;
    await this.store.set(`session:${id}`, JSON.stringify(session), ttl);
  }

  async delete(id: string): Promise<void> {
    await this.store.delete(`session:${id}`);
  }
}
