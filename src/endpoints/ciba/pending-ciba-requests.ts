import { Injectable } from '@nestjs/common';
import { keyHash } from '../../session/random-id';
import { StoreSpaces } from '../../session/store-spaces';
import type { CibaRequest } from './authentication-device';

/** The most pending requests kept per user; the oldest are dropped beyond it. */
const MAX_PER_USER = 20;

/**
 * Pending CIBA requests in the `general` store space (memory, or Redis with `REDIS_URL`, so two
 * instances share them): each request under its own key until it expires, and a per-user index
 * the demo device page lists them from.
 */
@Injectable()
export class PendingCibaRequests {
  constructor(private readonly spaces: StoreSpaces) {}

  private get store() {
    return this.spaces.space('general');
  }

  private indexKey(subject: string): string {
    return `ciba:user:${keyHash(subject)}`;
  }

  private requestKey(id: string): string {
    return `ciba:request:${keyHash(id)}`;
  }

  private ttl(request: CibaRequest): number {
    return Math.max(1, Math.ceil((request.expiresAt - Date.now()) / 1000));
  }

  /** Keeps a request until its `auth_req_id` expires. */
  async add(request: CibaRequest): Promise<void> {
    const ttl = this.ttl(request);
    await this.store.set(this.requestKey(request.authReqId), JSON.stringify(request), ttl);
    const ids = [...(await this.ids(request.subject)), request.authReqId].slice(-MAX_PER_USER);
    await this.store.set(this.indexKey(request.subject), JSON.stringify(ids), 3600);
  }

  /** The live pending requests of a user, oldest first. */
  async forUser(subject: string): Promise<CibaRequest[]> {
    const requests: CibaRequest[] = [];
    for (const id of await this.ids(subject)) {
      const value = await this.store.get(this.requestKey(id));
      if (value !== undefined) requests.push(JSON.parse(value) as CibaRequest);
    }
    return requests;
  }

  /** Takes one request of a user (single use: two instances never both complete it). */
  async take(subject: string, authReqId: string): Promise<CibaRequest | undefined> {
    const value = await this.store.take(this.requestKey(authReqId));
    if (value === undefined) return undefined;
    const request = JSON.parse(value) as CibaRequest;
    if (request.subject !== subject) return undefined;
    const ids = (await this.ids(subject)).filter((id) => id !== authReqId);
    await this.store.set(this.indexKey(subject), JSON.stringify(ids), 3600);
    return request;
  }

  private async ids(subject: string): Promise<string[]> {
    const value = await this.store.get(this.indexKey(subject));
    if (value === undefined) return [];
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((id): id is string => typeof id === 'string') : [];
  }
}
