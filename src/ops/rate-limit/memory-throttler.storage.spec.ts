import { MemoryThrottlerStorage } from './memory-throttler.storage';

describe('MemoryThrottlerStorage (fixed window, O(1) per hit)', () => {
  let now = 1_000_000;
  const storage = new MemoryThrottlerStorage(() => now);

  it('counts hits within a window and blocks the one over the limit for blockDuration', async () => {
    expect(await storage.increment('k1', 60_000, 2, 30_000)).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    await storage.increment('k1', 60_000, 2, 30_000);
    expect(await storage.increment('k1', 60_000, 2, 30_000)).toMatchObject({
      totalHits: 3,
      isBlocked: true,
      timeToBlockExpire: 30,
    });
    now += 10_000;
    // Still blocked, and a blocked hit is not counted.
    expect(await storage.increment('k1', 60_000, 2, 30_000)).toMatchObject({
      totalHits: 3,
      isBlocked: true,
      timeToBlockExpire: 20,
    });
  });

  it('starts a fresh window once both the window and the block have expired', async () => {
    now += 60_000;
    expect(await storage.increment('k1', 60_000, 2, 30_000)).toEqual({
      totalHits: 1,
      timeToExpire: 60,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
  });

  it('keeps keys apart', async () => {
    await storage.increment('a', 60_000, 1, 1_000);
    expect(await storage.increment('b', 60_000, 1, 1_000)).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('sweeps expired windows so memory follows the keys active in one window', async () => {
    for (let i = 0; i < 100; i += 1) await storage.increment(`many-${i}`, 1_000, 5, 1_000);
    expect(storage.size).toBeGreaterThanOrEqual(100);
    now += 2_000;
    storage.sweep();
    expect(storage.size).toBe(3); // k1, a and b still have a live 60 s window
    now += 60_000;
    storage.sweep();
    expect(storage.size).toBe(0);
  });
});
