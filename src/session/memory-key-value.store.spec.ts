import { MemoryKeyValueStore } from './memory-key-value.store';

describe('MemoryKeyValueStore', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('expires values after their TTL', async () => {
    const store = new MemoryKeyValueStore(10, clock);
    await store.set('a', 'x', 5);
    expect(await store.get('a')).toBe('x');
    now += 5_000;
    expect(await store.get('a')).toBeUndefined();
    store.onModuleDestroy();
  });

  it('hands a taken value to one caller only', async () => {
    const store = new MemoryKeyValueStore(10, clock);
    await store.set('t', 'once', 60);
    const [first, second] = await Promise.all([store.take('t'), store.take('t')]);
    expect([first, second]).toEqual(['once', undefined]);
    store.onModuleDestroy();
  });

  it('counts within a window that starts at the first increment', async () => {
    const store = new MemoryKeyValueStore(10, clock);
    expect(await store.increment('c', 10)).toBe(1);
    now += 9_000;
    expect(await store.increment('c', 10)).toBe(2);
    now += 1_000;
    expect(await store.increment('c', 10)).toBe(1);
    store.onModuleDestroy();
  });

  it('drops the oldest key beyond its cap', async () => {
    const store = new MemoryKeyValueStore(2, clock);
    await store.set('1', 'a', 60);
    await store.set('2', 'b', 60);
    await store.set('3', 'c', 60);
    expect(await store.get('1')).toBeUndefined();
    expect(await store.get('3')).toBe('c');
    store.onModuleDestroy();
  });
});

describe('MemoryKeyValueStore under a flood', () => {
  it('keeps writes cheap when full: 300,000 writes into 100,000 keys, oldest out first', async () => {
    const store = new MemoryKeyValueStore(100_000);
    const started = Date.now();
    for (let key = 0; key < 300_000; key += 1) await store.set(`k${key}`, 'v', 600);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await store.get('k199999')).toBeUndefined();
    expect(await store.get('k200000')).toBe('v');
    expect(await store.get('k299999')).toBe('v');
    store.onModuleDestroy();
  });
});
