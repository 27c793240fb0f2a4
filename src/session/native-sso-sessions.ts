import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { sessionConfig, type SessionConfig } from '../config/session.config';
import { KeyValueStore } from './key-value.store';
import { keyHash, randomId, secretsEqual } from './random-id';

/** A device secret this server issued (OpenID Connect Native SSO 1.0 §3.3). */
export interface DeviceSecret {
  readonly value: string;
  /** The `ds_hash` bound into ID tokens: base64url SHA-256 of the value. */
  readonly hash: string;
  /** The authentication session (`sid`) the secret belongs to. */
  readonly sessionId: string;
}

/**
 * Native SSO state (OpenID Connect Native SSO 1.0 §3–§4): the authentication sessions shared by
 * the apps of one device, and the device secrets bound to them. A session starts with the first
 * Native SSO code exchange and lives `SESSION_TTL_SECONDS` (renewed by use); ending it
 * ({@link end}) invalidates every device secret of it. Kept in the {@link KeyValueStore}, so
 * several instances share it with `REDIS_URL`. Device secrets are stored by hash only.
 */
@Injectable()
export class NativeSsoSessions {
  constructor(
    private readonly store: KeyValueStore,
    @Inject(sessionConfig.KEY) private readonly config: SessionConfig,
  ) {}

  private sessionKey(sessionId: string): string {
    return `nativesso:session:${keyHash(sessionId)}`;
  }

  private secretKey(value: string): string {
    return `nativesso:secret:${keyHash(value)}`;
  }

  /** Starts (or renews) the session `sessionId`. */
  async open(sessionId: string): Promise<void> {
    await this.store.set(this.sessionKey(sessionId), '1', this.config.ttlSeconds);
  }

  /** True while the session is open. */
  async isOpen(sessionId: string): Promise<boolean> {
    return (await this.store.get(this.sessionKey(sessionId))) !== undefined;
  }

  /** Ends the session; its device secrets stop being accepted. */
  async end(sessionId: string): Promise<void> {
    await this.store.delete(this.sessionKey(sessionId));
  }

  /** Issues a new device secret bound to the session. */
  async issue(sessionId: string): Promise<DeviceSecret> {
    const value = randomId();
    const secret = { value, hash: deviceSecretHash(value), sessionId };
    await this.store.set(this.secretKey(value), sessionId, this.config.ttlSeconds);
    return secret;
  }

  /** The device secret with this value, if this server issued it and its session is open. */
  async find(value: string): Promise<DeviceSecret | undefined> {
    const sessionId = await this.store.get(this.secretKey(value));
    if (sessionId === undefined || !(await this.isOpen(sessionId))) return undefined;
    return { value, hash: deviceSecretHash(value), sessionId };
  }
}

/** The `ds_hash` of a device secret: base64url SHA-256 (the binding this server defines). */
export function deviceSecretHash(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/** Whether a presented `ds_hash` matches the secret, compared in constant time. */
export function deviceSecretHashMatches(secret: DeviceSecret, presentedHash: string): boolean {
  return secretsEqual(secret.hash, presentedHash);
}
