import type { Pool, PoolConfig } from 'pg';
import type { PasswordPolicy } from '../passwords/password-policy';

/** Options of {@link PostgresUserAuthenticator}. */
export interface PostgresUserStoreOptions {
  /**
   * Your own `pg` pool (the store then neither configures nor closes it), or the pool settings
   * (`connectionString`, `max`, `connectionTimeoutMillis`, `query_timeout`, `ssl`, …).
   */
  readonly pool: Pool | PoolConfig;
  /** Table name, optionally schema-qualified; default `oauth_users`. */
  readonly table?: string;
  /** Hash algorithm and cost for re-hashing on login; default argon2id (RFC 9106 §4). */
  readonly passwordPolicy?: PasswordPolicy;
  /** Apply pending schema migrations at start-up; default false (run `npm run users:migrate`). */
  readonly migrate?: boolean;
}

/** Pool defaults: a bounded pool that gives up quickly, so an outage is a clear error, not a hang. */
export const DEFAULT_POOL: PoolConfig = {
  max: 10,
  idleTimeoutMillis: 30_000,
  connectionTimeoutMillis: 5_000,
  query_timeout: 5_000,
  statement_timeout: 5_000,
};
