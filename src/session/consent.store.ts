import { Injectable } from '@nestjs/common';
import type { KeyValueStore } from './key-value.store';
import { keyHash } from './random-id';
import { StoreSpaces } from './store-spaces';

/** What a user has granted one client. */
export interface ConsentGrant {
  readonly scopes: readonly string[];
  readonly claims: readonly string[];
}

const CONSENT_TTL_SECONDS = 365 * 24 * 3600;

/**
 * The ConsentStore (design.md §6): scopes and claims each user granted each client, so a later
 * request for no more than that skips the consent page (OIDC Core §3.1.2.4) unless
 * `prompt=consent` asks again. Kept in the `consents` store space, which sign-in traffic alone
 * writes and no anonymous request can evict.
 */
@Injectable()
export class ConsentStore {
  private readonly store: KeyValueStore;

  constructor(spaces: StoreSpaces) {
    this.store = spaces.space('consents');
  }

  private key(subject: string, clientId: string): string {
    return `consent:${keyHash(`${subject}\u0000${clientId}`)}`;
  }

  async get(subject: string, clientId: string): Promise<ConsentGrant | undefined> {
    const text = await this.store.get(this.key(subject, clientId));
    return text === undefined ? undefined : (JSON.parse(text) as ConsentGrant);
  }

  /** True when every scope and claim asked for was granted before. */
  async covers(subject: string, clientId: string, asked: ConsentGrant): Promise<boolean> {
    const granted = await this.get(subject, clientId);
    if (granted === undefined) return false;
    return (
      asked.scopes.every((scope) => granted.scopes.includes(scope)) &&
      asked.claims.every((claim) => granted.claims.includes(claim))
    );
  }

  /** Adds the grant to what the user granted before. */
  async grant(subject: string, clientId: string, grant: ConsentGrant): Promise<void> {
    const before = await this.get(subject, clientId);
    const merged: ConsentGrant = {
      scopes: [...new Set([...(before?.scopes ?? []), ...grant.scopes])],
      claims: [...new Set([...(before?.claims ?? []), ...grant.claims])],
    };
    await this.store.set(this.key(subject, clientId), JSON.stringify(merged), CONSENT_TTL_SECONDS);
  }
}
