import type { ThrottlerStorage } from '@nestjs/throttler';

/**
 * A throttler storage that can also say, without counting a hit, whether a key is blocked: the
 * per-client counters are checked before a request and counted after its answer
 * ({@link ClientQuota}).
 */
export interface BlockReader {
  /** Seconds until `key`'s block ends; 0 when it is not blocked. */
  blockedFor(key: string): Promise<number>;
  /**
   * The same answer at once, for a storage that holds its counters in this process (no promise
   * per read on the request path); absent for a remote storage.
   */
  blockedForNow?(key: string): number;
}

/** True when the storage implements {@link BlockReader} (both of ours do). */
export function readsBlocks(storage: ThrottlerStorage): storage is ThrottlerStorage & BlockReader {
  return typeof (storage as Partial<BlockReader>).blockedFor === 'function';
}
