import { Inject, Injectable } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import type { KeyValueStore } from './key-value.store';
import type { BrowserSession } from './session.types';
import { StoreSpaces } from './store-spaces';

/**
 * The SessionStore (design.md §6): browser sessions keyed by the random id in the session
 * cookie. A session without a login lives as long as one interaction, in the `anonymous` space
 * that anonymous traffic fills and evicts; a signed-in one lives `SESSION_TTL_SECONDS` in the
 * `sessions` space, which no anonymous request can touch.
 */
@Injectable()
export class SessionStore {
  private readonly anonymous: KeyValueStore;
  private readonly signedIn: KeyValueStore;

  constructor(
    spaces: StoreSpaces,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
  ) {
    this.anonymous = spaces.space('anonymous');
    this.signedIn = spaces.space('sessions');
  }

  async get(id: string): Promise<BrowserSession | undefined> {
    const key = `session:${id}`;
    const text = (await this.signedIn.get(key)) ?? (await this.anonymous.get(key));
    return text === undefined ? undefined : (JSON.parse(text) as BrowserSession);
  }

  async save(id: string, session: BrowserSession): Promise<void> {
    const key = `session:${id}`;
    if (session.login === undefined) {
      await this.anonymous.set(key, JSON.stringify(session), this.config.interactionTtlSeconds);
    } else {
      await this.signedIn.set(key, JSON.stringify(session), this.config.ttlSeconds);
    }
  }

  async delete(id: string): Promise<void> {
    const key = `session:${id}`;
    await Promise.all([this.signedIn.delete(key), this.anonymous.delete(key)]);
  }
}
