import { Injectable } from '@nestjs/common';
import type { AuthleteScope } from '../../authlete/types';
import type { ClientCard } from '../../interaction/client-card';
import { randomId } from '../../session/random-id';
import { StoreSpaces } from '../../session/store-spaces';

/** A verified user code waiting for the person's login and decision, bound to a browser session. */
export interface PendingDevice {
  readonly sessionId: string;
  readonly userCode: string;
  readonly client: ClientCard;
  readonly scopes: readonly AuthleteScope[];
  readonly claims: readonly string[];
  readonly acrs: readonly string[];
  readonly step: 'login' | 'consent';
  /** The user the consent page was shown to. */
  readonly consentSubject?: string;
  /** Milliseconds since the epoch: the user code's end (`expiresAt` of /device/verification). */
  readonly expiresAt: number;
}

/** The longest a pending verification is kept, in seconds. */
const MAX_TTL_SECONDS = 900;

/**
 * Pending device verifications (RFC 8628 §3.3) in the `interactions` store space, so two
 * instances behind a load balancer share them; each page gets a fresh single-use id.
 */
@Injectable()
export class DeviceInteractions {
  constructor(private readonly spaces: StoreSpaces) {}

  private key(id: string): string {
    return `device:${id}`;
  }

  /** Stores a pending verification under a new id, until its user code expires. */
  async put(record: PendingDevice): Promise<string> {
    const id = randomId();
    const left = Math.ceil((record.expiresAt - Date.now()) / 1000);
    const ttl = Math.min(MAX_TTL_SECONDS, Math.max(1, left));
    await this.spaces.space('interactions').set(this.key(id), JSON.stringify(record), ttl);
    return id;
  }

  /** Takes the record of a page (single use); undefined when unknown, used or expired. */
  async take(id: string): Promise<PendingDevice | undefined> {
    if (id === '' || id.length > 128) return undefined;
    const value = await this.spaces.space('interactions').take(this.key(id));
    return value === undefined ? undefined : (JSON.parse(value) as PendingDevice);
  }
}
