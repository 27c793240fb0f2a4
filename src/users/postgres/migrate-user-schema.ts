import type { Pool } from 'pg';
import { quoteTable, USER_SCHEMA_MIGRATIONS } from './postgres-schema';

/** Which migrations a run applied, and the schema version afterwards. */
export interface MigrationReport {
  readonly applied: number[];
  readonly version: number;
}

/**
 * Applies the pending {@link USER_SCHEMA_MIGRATIONS} to `table`. Concurrent runs (several
 * instances starting at once) serialise on a transaction-scoped advisory lock; the versions
 * applied per table are kept in `<table>_schema_migrations`.
 */
export async function migrateUserSchema(pool: Pool, table: string): Promise<MigrationReport> {
  const quoted = quoteTable(table);
  const ledger = quoteTable(`${table}_schema_migrations`);
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`oauth-users:${table}`]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${ledger} (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = await client.query<{ version: number }>(`SELECT version FROM ${ledger}`);
    const have = new Set(done.rows.map((row) => row.version));
    for (const migration of USER_SCHEMA_MIGRATIONS) {
      if (have.has(migration.version)) continue;
      await client.query(migration.sql(quoted));
      await client.query(`INSERT INTO ${ledger} (version, description) VALUES ($1, $2)`, [
        migration.version,
        migration.description,
      ]);
      applied.push(migration.version);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const version = Math.max(0, ...USER_SCHEMA_MIGRATIONS.map((migration) => migration.version));
  return { applied, version };
}
