import { Inject, Injectable } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { KeyValueStore } from './key-value.store';
import { randomId } from './random-id';

/** What every interaction record carries: the browser session it is bound to. */
export interface BoundRecord {
  readonly sessionId: string;
}

/**
 * Server-side records of pending login/consent pages (authlete-api.md §5 "keep the ticket
 * server-side and bound to the browser session"). Each page gets a fresh random id; `take`
 * consumes it, so a replayed form post finds nothing.
 */
@Injectable()
export class InteractionStore {
  constructor(
    private readonly store: KeyValueStore,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
  ) {}

  /** Stores the record under a new random id and returns the id. */
  async put<T extends BoundRecord>(record: T): Promise<string> {
    const id = randomId();
    await this.store.set(
      `interaction:${id}`,
      JSON.stringify(record),
      this.config.interactionTtlSeconds,
    );
    return id;
  }

  /** Consumes the record; undefined when unknown, used, expired or bound to another session. */
  async take<T extends BoundRecord>(id: string, sessionId: string): Promise<T | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const text = await this.store.take(`interaction:${id}`);
    if (text === undefined) return undefined;
    const record = JSON.parse(text) as T;
    return record.sessionId === sessionId ? record : undefined;
  }
}
