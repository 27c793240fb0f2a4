import type { OnApplicationShutdown } from '@nestjs/common';
import type { AuthleteConnection } from '../authlete-connection';
import type { AuthleteExchange } from './authlete-exchange';
import { UndiciExchange } from './undici-exchange';

/**
 * Chooses how bytes reach Authlete: the connection's in-process exchange (the embedded engine),
 * else an undici pool to `baseUrl` sized by `AUTHLETE_MAX_SOCKETS`, closed at shutdown.
 */
export class AuthleteExchangeHolder implements OnApplicationShutdown {
  readonly exchange: AuthleteExchange;
  private readonly pool?: UndiciExchange;

  constructor(connection: AuthleteConnection) {
    if (connection.exchange !== undefined) {
      this.exchange = connection.exchange;
      return;
    }
    this.pool = new UndiciExchange({
      baseUrl: connection.baseUrl,
      connections: connection.maxSockets,
      timeoutMs: connection.timeoutMs,
    });
    this.exchange = this.pool.exchange;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool?.close();
  }
}
