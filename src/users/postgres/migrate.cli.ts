/*
 * Applies the PostgreSQL user-store schema: `npm run users:migrate` (after `npm run build`), with
 * USERS_DATABASE_URL and optionally USERS_TABLE (default oauth_users). Prints what it applied.
 */
import { Pool } from 'pg';
import { migrateUserSchema } from './migrate-user-schema';

async function main(): Promise<void> {
  const connectionString = process.env['USERS_DATABASE_URL'];
  if (!connectionString) {
    process.stderr.write('USERS_DATABASE_URL: is required (postgres://user@host:5432/db)\n');
    process.exitCode = 2;
    return;
  }
  const table = process.env['USERS_TABLE'] || 'oauth_users';
  const pool = new Pool({ connectionString, max: 1, connectionTimeoutMillis: 10_000 });
  try {
    const report = await migrateUserSchema(pool, table);
    const applied = report.applied.length > 0 ? report.applied.join(', ') : 'none';
    process.stdout.write(`${table}: schema version ${report.version} (applied: ${applied})\n`);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `users:migrate failed: ${typeof code === 'string' ? `${code} ` : ''}${message}\n`,
    );
    process.exitCode = 1;
  } finally {
    await pool.end();
  }
}

void main();
