import { Client, ResultCodeError } from 'ldapts';
import type { LdapUserStoreOptions } from './ldap-options';

/** RFC 4511 §4.1.9 resultCode 49: invalidCredentials. */
export const INVALID_CREDENTIALS = 49;

/** True for an LDAP result (the server answered), false for a transport failure or timeout. */
export function isLdapResult(error: unknown): error is ResultCodeError {
  return error instanceof ResultCodeError;
}

/**
 * Directory connections: a small round-robin pool of connections bound as the service account
 * (for searches), and one short-lived connection per user bind (a bind changes a connection's
 * identity, so user binds never touch the pool). A pooled connection that failed is replaced on
 * its next use.
 */
export class LdapConnections {
  private readonly pool: (Promise<Client> | undefined)[];
  private next = 0;

  constructor(private readonly options: LdapUserStoreOptions) {
    this.pool = new Array<Promise<Client> | undefined>(Math.max(1, options.poolSize ?? 4));
  }

  /** Runs an operation on a pooled service-account connection. */
  async withServiceConnection<T>(operation: (client: Client) => Promise<T>): Promise<T> {
    const slot = this.next;
    this.next = (this.next + 1) % this.pool.length;
    let pending = this.pool[slot];
    if (pending === undefined) {
      pending = this.open(this.options.bindDN, this.options.bindPassword);
      this.pool[slot] = pending;
    }
    try {
      const client = await pending;
      if (!client.isConnected) throw new Error('LDAP connection closed');
      return await operation(client);
    } catch (error) {
      if (!isLdapResult(error)) this.discard(slot, pending);
      throw error;
    }
  }

  /** Binds as a user on a fresh connection; resolves true on success, false on wrong password. */
  async verifyBind(dn: string, password: string): Promise<boolean> {
    let client: Client | undefined;
    try {
      client = await this.open(dn, password);
      return true;
    } catch (error) {
      if (isLdapResult(error) && error.code === INVALID_CREDENTIALS) return false;
      throw error;
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }

  /** Closes every pooled connection. */
  async close(): Promise<void> {
    const open = [...this.pool];
    for (let slot = 0; slot < this.pool.length; slot += 1) this.pool[slot] = undefined;
    await Promise.all(
      open.map(async (pending) => {
        const client = await pending?.catch(() => undefined);
        await client?.unbind().catch(() => undefined);
      }),
    );
  }

  private discard(slot: number, pending: Promise<Client>): void {
    if (this.pool[slot] !== pending) return;
    this.pool[slot] = undefined;
    void pending.then((client) => client.unbind()).catch(() => undefined);
  }

  private async open(dn: string, password: string): Promise<Client> {
    const client = new Client({
      url: this.options.url,
      timeout: this.options.timeoutMs ?? 5000,
      connectTimeout: this.options.connectTimeoutMs ?? 3000,
      tlsOptions: this.options.tlsOptions,
      strictDN: true,
    });
    try {
      if (this.options.startTLS) await client.startTLS(this.options.tlsOptions);
      await client.bind(dn, password);
      return client;
    } catch (error) {
      await client.unbind().catch(() => undefined);
      throw error;
    }
  }
}
