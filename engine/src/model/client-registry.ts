import type { Client } from './client';

/**
 * Clients indexed by every identifier a request may carry: the alias (the OAuth `client_id`) and
 * the numeric id as a string (authlete-api.md §1.4). Built once, so a lookup is one Map access.
 */
export class ClientRegistry {
  private readonly byIdentifier = new Map<string, Client>();
  private readonly byNumber = new Map<number, Client>();

  constructor(clients: readonly Client[]) {
    for (const client of clients) {
      this.byIdentifier.set(client.clientIdAlias, client);
      this.byIdentifier.set(String(client.clientId), client);
      this.byNumber.set(client.clientId, client);
    }
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
