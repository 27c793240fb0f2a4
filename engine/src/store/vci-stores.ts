import type { StoreCaps } from '../model/service';
import { ExpiringStore } from './expiring-store';
import type {
  CredentialNonceRecord,
  CredentialOfferRecord,
  CredentialRequestRecord,
  CredentialTransactionRecord,
} from './vci-records';

/**
 * The Verifiable Credential Issuance state (OID4VCI 1.0): offers by identifier, pre-authorized
 * codes (→ offer identifier), `c_nonce` values, parsed requests and deferred transactions, each
 * capped and expiring like every other store of the engine.
 */
export class VciStores {
  readonly offers: ExpiringStore<CredentialOfferRecord>;
  readonly preAuthorizedCodes: ExpiringStore<CredentialOfferRecord>;
  readonly nonces: ExpiringStore<CredentialNonceRecord>;
  readonly requests: ExpiringStore<CredentialRequestRecord>;
  readonly transactions: ExpiringStore<CredentialTransactionRecord>;

  constructor(caps: StoreCaps, now: () => number) {
    this.offers = new ExpiringStore('credential offer', caps.tickets, now);
    this.preAuthorizedCodes = new ExpiringStore('pre-authorized code', caps.tickets, now);
    this.nonces = new ExpiringStore('credential nonce', caps.tickets, now);
    this.requests = new ExpiringStore('credential request', caps.tickets, now);
    this.transactions = new ExpiringStore('credential transaction', caps.tickets, now);
  }

  /** Removes expired items; returns how many. */
  sweep(): number {
    return [
      this.offers,
      this.preAuthorizedCodes,
      this.nonces,
      this.requests,
      this.transactions,
    ].reduce((total, store) => total + store.sweep(), 0);
  }
}
