import { Inject, Injectable } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import type { KeyValueStore } from './key-value.store';
import { keyHash, randomId } from './random-id';
import { StoreSpaces } from './store-spaces';

/** What every interaction record carries: the browser session it is bound to. */
export interface BoundRecord {
  readonly sessionId: string;
}

/**
 * What outlives a page's pending record, so a late, repeated or superseded form post can lead the
 * person on: the session the page was shown to, the request it belongs to (its ticket, and the
 * parameters to start it again) and the page language.
 */
export interface InteractionTrail extends BoundRecord {
  readonly ticket: string;
  readonly rawParameters: string;
  readonly locale: string;
  readonly serviceName?: string;
}

/** How an authorization request ended (the LOCATION or FORM outcome sent to the client). */
export interface FinishedRequest {
  readonly action: 'LOCATION' | 'FORM';
  readonly responseContent?: string;
}

const ID = /^[A-Za-z0-9_-]{43}$/;

/** How much longer a trail lives than the page it describes: the time "start again" is offered. */
const TRAIL_GRACE_SECONDS = 3600;

/**
 * Server-side records of pending login/consent pages (authlete-api.md §5 "keep the ticket
 * server-side and bound to the browser session"). Each page gets a fresh random id; `take`
 * consumes it (atomically), so a replayed form post finds nothing to act on, only the page's
 * trail and, once the request has finished, its result. Pages shown to anonymous sessions go to
 * the `anonymous` space, the others to `interactions`: an anonymous flood evicts only its own kind.
 */
@Injectable()
export class InteractionStore {
  private readonly anonymous: KeyValueStore;
  private readonly signedIn: KeyValueStore;

  constructor(
    spaces: StoreSpaces,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
  ) {
    this.anonymous = spaces.space('anonymous');
    this.signedIn = spaces.space('interactions');
  }

  private spaceFor(signedIn: boolean): KeyValueStore {
    return signedIn ? this.signedIn : this.anonymous;
  }

  /** Stores the record and its trail under a new random id and returns the id. */
  async put<T extends BoundRecord>(
    record: T,
    trail: InteractionTrail,
    signedIn: boolean,
  ): Promise<string> {
    const id = randomId();
    const store = this.spaceFor(signedIn);
    const ttl = this.config.interactionTtlSeconds;
    await store.set(`trail:${id}`, JSON.stringify(trail), ttl + TRAIL_GRACE_SECONDS);
    await store.set(`interaction:${id}`, JSON.stringify(record), ttl);
    return id;
  }

  /** The trail of a page, while it is kept (longer than the page itself). */
  async trail(id: string): Promise<InteractionTrail | undefined> {
    if (!ID.test(id)) return undefined;
    const key = `trail:${id}`;
    const text = (await this.signedIn.get(key)) ?? (await this.anonymous.get(key));
    return text === undefined ? undefined : (JSON.parse(text) as InteractionTrail);
  }

  /** Reads the pending record without consuming it (to show its page again). */
  async peek<T extends BoundRecord>(id: string): Promise<T | undefined> {
    if (!ID.test(id)) return undefined;
    const key = `interaction:${id}`;
    const text = (await this.signedIn.get(key)) ?? (await this.anonymous.get(key));
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  /** Consumes the pending record; undefined when unknown, already used or expired. */
  async take<T extends BoundRecord>(id: string): Promise<T | undefined> {
    if (!ID.test(id)) return undefined;
    const key = `interaction:${id}`;
    const text = (await this.signedIn.take(key)) ?? (await this.anonymous.take(key));
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  /**
   * Remembers how the request with this ticket ended, for posts from its older pages; kept in the
   * space of the page `id` whose post ended it.
   */
  async finish(id: string, ticket: string, result: FinishedRequest): Promise<void> {
    const signedIn = (await this.signedIn.get(`trail:${id}`)) !== undefined;
    const ttl = this.config.interactionTtlSeconds;
    await this.spaceFor(signedIn).set(`finished:${keyHash(ticket)}`, JSON.stringify(result), ttl);
  }

  /** How the request with this ticket ended, if it did recently. */
  async finished(ticket: string): Promise<FinishedRequest | undefined> {
    const key = `finished:${keyHash(ticket)}`;
    const text = (await this.signedIn.get(key)) ?? (await this.anonymous.get(key));
    return text === undefined ? undefined : (JSON.parse(text) as FinishedRequest);
  }
}
