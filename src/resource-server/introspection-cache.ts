import { createHash } from 'node:crypto';
import type { IntrospectionResponse } from '../authlete/types';

/** At most this many answers are remembered; the oldest goes first. */
const MAX_ENTRIES = 10_000;

/**
 * A short cache of positive introspection answers (RFC 7662 §4: caching trades freshness for load;
 * keep it short). Keyed by a digest of the token and what was checked, never the token itself;
 * an entry never outlives the token. DPoP requests are not cached (each proof is single-use).
 */
export class IntrospectionCache {
  private readonly entries = new Map<string, { answer: IntrospectionResponse; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The digest a request is remembered under. */
  static keyOf(parts: readonly (string | undefined)[]): string {
    return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
  }

  get(key: string): IntrospectionResponse | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.answer;
  }

  /** Remembers an OK answer until the TTL or the token's own expiry, whichever is first. */
  remember(key: string, answer: IntrospectionResponse): void {
    if (this.ttlMs <= 0 || answer.action !== 'OK') return;
    const until = Math.min(this.now() + this.ttlMs, answer.expiresAt ?? Number.MAX_SAFE_INTEGER);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { answer, until });
  }
}
