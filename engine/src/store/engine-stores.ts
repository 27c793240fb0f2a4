import type { StoreCaps } from '../model/service';
import type { ManagedGrant } from '../model/managed-grant';
import { ExpiringStore } from './expiring-store';
import { VciStores } from './vci-stores';
import type {
  AccessTokenRecord,
  AssertionIdRecord,
  AuthorizationCodeRecord,
  BackchannelRequestRecord,
  BackchannelTicketRecord,
  DeviceCodeRecord,
  Grant,
  PasswordTicketRecord,
  RefreshTokenRecord,
  RequestUriRecord,
  TicketRecord,
  UserCodeRecord,
} from './records';

/** The keys an access token is stored under. */
export function accessTokenKeys(record: AccessTokenRecord): string[] {
  return record.alias === undefined ? [record.value] : [record.value, record.alias];
}

/** Every piece of state the engine keeps, each in a capped store with expiry (issue 3 item 8). */
export class EngineStores {
  readonly tickets: ExpiringStore<TicketRecord>;
  readonly passwordTickets: ExpiringStore<PasswordTicketRecord>;
  readonly codes: ExpiringStore<AuthorizationCodeRecord>;
  readonly accessTokens: ExpiringStore<AccessTokenRecord>;
  readonly refreshTokens: ExpiringStore<RefreshTokenRecord>;
  readonly requestUris: ExpiringStore<RequestUriRecord>;
  readonly assertionIds: ExpiringStore<AssertionIdRecord>;
  /** `jti` values of DPoP proofs seen recently, keyed `jkt:jti` (RFC 9449 §11.1). */
  readonly dpopProofIds: ExpiringStore<AssertionIdRecord>;
  /** FAPI Grant Management grants, by grant_id. */
  readonly grants: ExpiringStore<ManagedGrant>;
  /** OpenID for Verifiable Credential Issuance state. */
  readonly vci: VciStores;
  /** RFC 8628 device authorizations by device code, and user codes pointing at them. */
  readonly deviceCodes: ExpiringStore<DeviceCodeRecord>;
  readonly userCodes: ExpiringStore<UserCodeRecord>;
  /** CIBA requests by ticket (before and after `/issue`) and by `auth_req_id`. */
  readonly backchannelTickets: ExpiringStore<BackchannelTicketRecord>;
  readonly backchannelRequests: ExpiringStore<BackchannelRequestRecord>;

  constructor(caps: StoreCaps, now: () => number) {
    this.tickets = new ExpiringStore('ticket', caps.tickets, now);
    this.passwordTickets = new ExpiringStore('ticket', caps.tickets, now);
    this.codes = new ExpiringStore('authorization code', caps.authorizationCodes, now);
    this.accessTokens = new ExpiringStore('access token', caps.accessTokens, now, (key, record) => {
      record.context.grant.removeAccessToken(key);
    });
    this.refreshTokens = new ExpiringStore(
      'refresh token',
      caps.refreshTokens,
      now,
      (key, record) => {
        record.context.grant.removeRefreshToken(key);
      },
    );
    this.requestUris = new ExpiringStore('request URI', caps.requestUris, now);
    this.assertionIds = new ExpiringStore('client assertion ID', caps.clientAssertionIds, now);
    this.dpopProofIds = new ExpiringStore('DPoP proof ID', caps.clientAssertionIds, now);
    this.grants = new ExpiringStore('grant', caps.grants, now);
    this.vci = new VciStores(caps, now);
    this.deviceCodes = new ExpiringStore('device code', caps.deviceCodes, now);
    this.userCodes = new ExpiringStore('user code', caps.deviceCodes, now);
    this.backchannelTickets = new ExpiringStore('ticket', caps.backchannelRequests, now);
    this.backchannelRequests = new ExpiringStore(
      'backchannel request',
      caps.backchannelRequests,
      now,
    );
  }

  /** Stores an access token under its value (and opaque alias) and records it in its grant. */
  addAccessToken(record: AccessTokenRecord): void {
    for (const key of accessTokenKeys(record)) {
      this.accessTokens.add(key, record);
      record.context.grant.addAccessToken(key);
    }
  }

  /** Deletes an access token under every key it is stored by. */
  deleteAccessToken(record: AccessTokenRecord): void {
    for (const key of accessTokenKeys(record)) this.accessTokens.delete(key);
  }

  /** Stores a refresh token and records it in its grant. */
  addRefreshToken(record: RefreshTokenRecord): void {
    this.refreshTokens.add(record.value, record);
    record.context.grant.addRefreshToken(record.value);
  }

  /** Deletes every token of a grant. */
  revokeGrant(grant: Grant): void {
    for (const token of grant.accessTokenKeys()) this.accessTokens.delete(token);
    for (const token of grant.refreshTokenKeys()) this.refreshTokens.delete(token);
  }

  /** Deletes a refresh token and the access tokens minted with it (RFC 7009 §2.1). */
  revokeRefreshToken(record: RefreshTokenRecord): void {
    for (const token of [...record.accessTokens]) this.accessTokens.delete(token);
    this.refreshTokens.delete(record.value);
  }

  /**
   * Deletes everything issued to the client with Authlete's numeric id `clientId`: its access and
   * refresh tokens, pending authorization codes and managed grants (RFC 7592 §2.3: after delete
   * the client's grants and tokens are unusable). Returns how many items were removed.
   */
  revokeClient(clientId: number): number {
    const owned = (record: { context: { client: { clientId: number } } }): boolean =>
      record.context.client.clientId === clientId;
    const accessTokens = new Set(
      this.accessTokens.entries().flatMap(([, record]) => (owned(record) ? [record] : [])),
    );
    for (const record of accessTokens) this.deleteAccessToken(record);
    let removed = accessTokens.size;
    for (const [key, record] of this.refreshTokens.entries()) {
      if (owned(record) && this.refreshTokens.delete(key)) removed += 1;
    }
    for (const [key, record] of this.codes.entries()) {
      if (owned(record) && this.codes.delete(key)) removed += 1;
    }
    for (const [key, grant] of this.grants.entries()) {
      if (grant.clientId === clientId && this.grants.delete(key)) removed += 1;
    }
    return removed;
  }

  /** Removes expired items from every store (the periodic sweep). */
  sweep(): number {
    return [
      this.tickets,
      this.passwordTickets,
      this.codes,
      this.requestUris,
      this.assertionIds,
      this.dpopProofIds,
      this.accessTokens,
      this.refreshTokens,
      this.grants,
      this.deviceCodes,
      this.userCodes,
      this.backchannelTickets,
      this.backchannelRequests,
    ].reduce((total, store) => total + store.sweep(), this.vci.sweep());
  }
}
