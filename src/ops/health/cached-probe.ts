/** The last known state of a dependency: up, or down with a short reason. */
export interface ProbeState {
  /** Undefined when up; otherwise `unreachable`, `timeout`, `http_503`, `starting`, ... */
  failure?: string;
}

/** Settings of a {@link CachedProbe}. */
export interface CachedProbeOptions {
  /** How long a result is fresh; an older one is refreshed in the background. */
  cacheMs: number;
  /** A probe still running after this long counts as down (`timeout`). */
  timeoutMs: number;
  /** How long a read may wait for a refresh it started before answering from the cache. */
  waitMs: number;
  /** The same, while no result exists yet (just after start-up). */
  firstWaitMs: number;
}

/**
 * A dependency check whose readers never wait on the dependency: a read answers from the last
 * result, starting one background refresh when that result is stale, and waits for that refresh at
 * most `waitMs` (`firstWaitMs` before the first result). A probe that hangs is reported down after `timeoutMs`, while the next reads keep
 * answering at once; a single probe runs at a time. So `/health/ready` stays fast (well under a
 * second) however the dependency misbehaves, and probing adds at most one call per `cacheMs`.
 */
export class CachedProbe {
  private last?: { at: number; state: ProbeState };
  private running?: { since: number; done: Promise<void> };

  constructor(
    /** Resolves with a failure reason, or undefined when up; must not throw. */
    private readonly probe: () => Promise<string | undefined>,
    private readonly options: CachedProbeOptions,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The current state, from the cache; never waits longer than `waitMs`. */
  async read(): Promise<ProbeState> {
    if (this.last === undefined) await this.refreshWithin(this.options.firstWaitMs);
    else if (this.now() - this.last.at >= this.options.cacheMs) {
      await this.refreshWithin(this.options.waitMs);
    }
    if (this.running && this.now() - this.running.since >= this.options.timeoutMs) {
      return { failure: 'timeout' };
    }
    return this.last?.state ?? { failure: 'starting' };
  }

  /** Starts a probe unless one is running, and resolves when it is done. */
  refresh(): Promise<void> {
    if (this.running) return this.running.done;
    const since = this.now();
    const done = this.run(since);
    this.running = { since, done };
    return done;
  }

  private async run(since: number): Promise<void> {
    let failure: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.options.timeoutMs);
    });
    try {
      failure = await Promise.race([this.probe(), expired]);
    } catch {
      failure = 'error';
    } finally {
      clearTimeout(timer);
      this.running = undefined;
    }
    this.last = { at: since, state: failure === undefined ? {} : { failure } };
  }

  private async refreshWithin(waitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    await Promise.race([this.refresh(), waited]);
    clearTimeout(timer);
  }
}
