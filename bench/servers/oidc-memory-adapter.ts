import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const entries = new Map<string, Entry>();
const uidIndex = new Map<string, string>();
const userCodeIndex = new Map<string, string>();
const grantIndex = new Map<string, Set<string>>();

/**
 * An unbounded Map store with expiry for oidc-provider, the same storage model as our engine's
 * (records in a Map until they expire). The provider's default MemoryAdapter is an LRU capped at
 * 1,000 entries, which would evict the benchmark's long-lived tokens during client_credentials
 * runs and keep its memory artificially flat.
 */
export class MapAdapter implements Adapter {
  constructor(private readonly model: string) {}

  private key(id: string): string {
    return `${this.model}:${id}`;
  }

  upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const key = this.key(id);
    entries.set(key, { payload, expiresAt: Date.now() + expiresIn * 1000 });
    if (this.model === 'Session' && payload.uid) uidIndex.set(payload.uid, id);
    if (payload.userCode) userCodeIndex.set(payload.userCode, id);
    if (payload.grantId) {
      const keys = grantIndex.get(payload.grantId) ?? new Set<string>();
      keys.add(key);
      grantIndex.set(payload.grantId, keys);
    }
    return Promise.resolve();
  }

  find(id: string): Promise<AdapterPayload | undefined> {
    const key = this.key(id);
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) entries.delete(key);
    return Promise.resolve(entry && entry.expiresAt > Date.now() ? entry.payload : undefined);
  }

  findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const id = uidIndex.get(uid);
    return id === undefined ? Promise.resolve(undefined) : this.find(id);
  }

  findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    const id = userCodeIndex.get(userCode);
    return id === undefined ? Promise.resolve(undefined) : this.find(id);
  }

  consume(id: string): Promise<void> {
    const entry = entries.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    return Promise.resolve();
  }

  destroy(id: string): Promise<void> {
    entries.delete(this.key(id));
    return Promise.resolve();
  }

  revokeByGrantId(grantId: string): Promise<void> {
    for (const key of grantIndex.get(grantId) ?? []) entries.delete(key);
    grantIndex.delete(grantId);
    return Promise.resolve();
  }
}
