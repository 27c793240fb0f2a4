import { Injectable } from '@nestjs/common';
import { KeyValueStore } from './key-value.store';
import { keyHash } from './random-id';

/**
 * Remembers identifiers that may be used once, such as the `jti` of a JWT-bearer assertion
 * (RFC 7523 §3 item 7), for as long as they could be replayed. Built on the atomic increment of
 * the {@link KeyValueStore}, so with `REDIS_URL` set two instances never both accept one value.
 */
@Injectable()
export class SingleUseMarks {
  constructor(private readonly store: KeyValueStore) {}

  /**
   * Marks `id` in `namespace` as used; true the first time, false for every later call within
   * `ttlSeconds`.
   */
  async claim(namespace: string, id: string, ttlSeconds: number): Promise<boolean> {
    const count = await this.store.increment(`once:${namespace}:${keyHash(id)}`, ttlSeconds);
    return count === 1;
  }
}
