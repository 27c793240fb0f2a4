import { CachedProbe } from './cached-probe';

const options = { cacheMs: 1000, timeoutMs: 300, waitMs: 50, firstWaitMs: 100 };

function hanging(): Promise<string | undefined> {
  return new Promise(() => undefined);
}

describe('CachedProbe', () => {
  it('answers from the cache while fresh, probing once per cacheMs', async () => {
    const probe = jest.fn(() => Promise.resolve(undefined));
    const cached = new CachedProbe(probe, options);
    expect(await cached.read()).toEqual({});
    expect(await cached.read()).toEqual({});
    expect(probe).toHaveBeenCalledTimes(1);
  });

  it('reports the failure reason the probe gives', async () => {
    const cached = new CachedProbe(() => Promise.resolve('http_500'), options);
    expect(await cached.read()).toEqual({ failure: 'http_500' });
  });

  it('never waits on a hanging dependency longer than waitMs, and calls it down after timeoutMs', async () => {
    const cached = new CachedProbe(hanging, options);
    let started = performance.now();
    expect(await cached.read()).toEqual({ failure: 'starting' });
    expect(performance.now() - started).toBeLessThan(200);
    await new Promise((resolve) => setTimeout(resolve, 350));
    started = performance.now();
    expect(await cached.read()).toEqual({ failure: 'timeout' });
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('keeps the last result while a refresh hangs, then reports the timeout', async () => {
    let now = 0;
    let answer: () => Promise<string | undefined> = () => Promise.resolve(undefined);
    const cached = new CachedProbe(
      () => answer(),
      options,
      () => now,
    );
    expect(await cached.read()).toEqual({});
    answer = hanging;
    now = 1000;
    expect(await cached.read()).toEqual({});
    now = 1300;
    expect(await cached.read()).toEqual({ failure: 'timeout' });
  });

  it('runs one probe at a time', async () => {
    const probe = jest.fn(hanging);
    const cached = new CachedProbe(probe, { ...options, cacheMs: 0 });
    await Promise.all([cached.read(), cached.read(), cached.read()]);
    expect(probe).toHaveBeenCalledTimes(1);
  });
});
