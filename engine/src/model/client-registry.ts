import type { Client } from './client';

/**
 * Clients indexed by every identifier a request may carry: the alias (the OAuth `client_id`) and
 * the numeric id as a string (authlete-api.md §1.4). Built once, so a lookup is one Map access.
 */
export class ClientRegistry {
  private readonly byIdentifier = new Map<string, Client>();
  private readonly byNumber = new Map<number, Client>();

  constructor(clients: readonly Client[]) {
    for (const client of clients) this.add(client);
  }

  /** Adds a client (or replaces the one with the same numeric id, e.g. after an RFC 7592 update). */
  add(client: Client): void {
    const previous = this.byNumber.get(client.clientId);
    if (previous !== undefined) this.remove(previous);
    this.byIdentifier.set(client.clientIdAlias, client);
    this.byIdentifier.set(String(client.clientId), client);
    this.byNumber.set(client.clientId, client);
  }

  /** Removes a client (RFC 7592 §2.3 delete): it can no longer be found by any identifier. */
  remove(client: Client): void {
    if (this.byNumber.get(client.clientId) !== client) return;
    this.byIdentifier.delete(client.clientIdAlias);
    this.byIdentifier.delete(String(client.clientId));
    this.byNumber.delete(client.clientId);
  }

  /** Whether an identifier (alias or numeric id) is taken. */
  has(identifier: string): boolean {
    return this.byIdentifier.has(identifier);
  }

  /** How many clients were registered dynamically (bounded by the service's cap). */
  dynamicCount(): number {
    let count = 0;
    for (const client of this.byNumber.values()) if (client.registration) count += 1;
    return count;
  }

  /** Finds a client by its `client_id` as sent on the wire (alias or numeric id). */
  find(identifier: string): Client | undefined {
    return this.byIdentifier.get(identifier);
  }

  /** Finds a client by Authlete's numeric `clientId`. */
  findByNumber(clientId: number): Client | undefined {
    return this.byNumber.get(clientId);
  }

  all(): Client[] {
    return [...this.byNumber.values()];
  }
}
