import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Pool, type QueryResultRow } from 'pg';
import { resolveClaims } from '../claim-resolver';
import { PasswordHasher } from '../passwords/password-hasher';
import {
  type AuthenticatedUser,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
  UserAuthenticator,
} from '../user-authenticator';
import { AccountDisabledError, UserStoreUnavailableError } from '../user-store.errors';
import { migrateUserSchema } from './migrate-user-schema';
import { DEFAULT_POOL, type PostgresUserStoreOptions } from './postgres-options';
import { CLAIM_COLUMNS, quoteTable } from './postgres-schema';
import { claimsFromRow, type ClaimRow } from './row-claims';

interface CredentialRow {
  subject: string;
  password_hash: string;
  disabled: boolean;
  acr: string | null;
  amr: string[] | null;
}

/** What is safe to log of a driver error: its SQLSTATE or errno code and message, no parameters. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code} ${error.message}` : error.message;
}

/**
 * A {@link UserAuthenticator} over PostgreSQL (the `pg` driver, a bounded pool, parameterised
 * queries only). Verifies scrypt and argon2id hashes and re-hashes a weaker one on a successful
 * login; refuses a disabled account (after the password matched); answers claims from the
 * standard-claim columns plus the `claims` JSON column, with language-tagged names (OIDC Core
 * §5.2). Any database failure becomes {@link UserStoreUnavailableError}. Schema: docs/users.md.
 */
export class PostgresUserAuthenticator
  extends UserAuthenticator
  implements OnModuleInit, OnApplicationShutdown
{
  private readonly logger = new Logger(PostgresUserAuthenticator.name);
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly table: string;
  private readonly hasher: PasswordHasher;

  constructor(private readonly options: PostgresUserStoreOptions) {
    super();
    this.ownsPool = !(options.pool instanceof Pool);
    this.pool =
      options.pool instanceof Pool ? options.pool : new Pool({ ...DEFAULT_POOL, ...options.pool });
    // An idle client losing its connection must not crash the process; the next query reports it.
    this.pool.on('error', (error) => this.logger.warn(`PostgreSQL pool: ${describe(error)}`));
    this.table = quoteTable(options.table ?? 'oauth_users');
    this.hasher = new PasswordHasher(options.passwordPolicy);
  }

  async onModuleInit(): Promise<void> {
    if (!this.options.migrate) return;
    const report = await migrateUserSchema(this.pool, this.options.table ?? 'oauth_users');
    if (report.applied.length > 0) {
      this.logger.log(`Applied user schema migrations ${report.applied.join(', ')}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  override async authenticate(credentials: PasswordCredentials): Promise<AuthenticatedUser | null> {
    const rows = await this.query<CredentialRow>(
      `SELECT subject, password_hash, disabled, acr, amr FROM ${this.table} WHERE username = $1`,
      [credentials.username],
    );
    const row = rows[0];
    if (row === undefined) return this.hasher.spend(credentials.password).then(() => null);
    const check = await this.hasher.check(credentials.password, row.password_hash);
    if (!check.matches) return null;
    if (row.disabled) throw new AccountDisabledError();
    if (check.needsRehash) await this.rehash(row, credentials.password);
    return {
      subject: row.subject,
      authTime: Math.floor(Date.now() / 1000),
      acr: row.acr ?? undefined,
      amr: row.amr ?? ['pwd'],
    };
  }

  override async findBySubject(subject: string): Promise<UserRecord | null> {
    const rows = await this.query<UserRecord>(
      `SELECT subject, username FROM ${this.table} WHERE subject = $1`,
      [subject],
    );
    return rows[0] ?? null;
  }

  /** The enabled account with this username, for a CIBA `login_hint` (CIBA Core §7.1). */
  override async findByUsername(username: string): Promise<UserRecord | null> {
    const rows = await this.query<UserRecord>(
      `SELECT subject, username FROM ${this.table} WHERE username = $1 AND NOT disabled`,
      [username],
    );
    return rows[0] ?? null;
  }

  override async claims(
    subject: string,
    names: readonly string[],
    locales: readonly string[],
  ): Promise<ClaimValues> {
    if (names.length === 0) return {};
    const rows = await this.query<ClaimRow>(
      `SELECT ${CLAIM_COLUMNS.join(', ')}, claims FROM ${this.table} WHERE subject = $1`,
      [subject],
    );
    const row = rows[0];
    return row ? resolveClaims(claimsFromRow(row), names, locales) : {};
  }

  /** Stores a hash by the current policy; the login goes on if this fails (logged). */
  private async rehash(row: CredentialRow, password: string): Promise<void> {
    try {
      const fresh = await this.hasher.hash(password);
      await this.pool.query(
        `UPDATE ${this.table} SET password_hash = $1 WHERE subject = $2 AND password_hash = $3`,
        [fresh, row.subject, row.password_hash],
      );
      this.logger.log(
        `Re-hashed the password of subject ${row.subject} (${this.hasher.policy.algorithm})`,
      );
    } catch (error) {
      this.logger.warn(`Could not re-hash a password: ${describe(error)}`);
    }
  }

  private async query<T extends QueryResultRow>(text: string, values: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query<T>(text, values)).rows;
    } catch (error) {
      throw new UserStoreUnavailableError(`PostgreSQL: ${describe(error)}`);
    }
  }
}
