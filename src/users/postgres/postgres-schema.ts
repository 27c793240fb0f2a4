/**
 * The schema of the PostgreSQL user store, as ordered migrations. `npm run users:migrate` (or
 * {@link migrateUserSchema}) applies the pending ones in one transaction; each runs once.
 */

/** A SQL identifier, optionally schema-qualified (`users` or `auth.users`). */
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}(\.[a-z_][a-z0-9_]{0,62})?$/;

/** Quotes a validated table name for SQL (`auth.users` → `"auth"."users"`). */
export function quoteTable(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new Error(
      `user table name ${JSON.stringify(name)} must be a lower-case SQL identifier, optionally schema-qualified`,
    );
  }
  return name
    .split('.')
    .map((part) => `"${part}"`)
    .join('.');
}

/** One schema step. */
export interface UserSchemaMigration {
  readonly version: number;
  readonly description: string;
  sql(table: string): string;
}

/**
 * The OIDC standard claims (OIDC Core §5.1) that have their own column. Everything else, and
 * language-tagged variants (`name#ja-Kana-JP`, OIDC Core §5.2), lives in the `claims` JSON column.
 */
export const CLAIM_COLUMNS = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
  'profile',
  'picture',
  'website',
  'email',
  'email_verified',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'phone_number',
  'phone_number_verified',
  'address',
  'updated_at',
] as const;

/** The migrations, in order. Never edit a released one: add the next version. */
export const USER_SCHEMA_MIGRATIONS: readonly UserSchemaMigration[] = [
  {
    version: 1,
    description: 'users table with credentials, status and OIDC standard claims',
    sql: (table) => `
      CREATE TABLE ${table} (
        subject               varchar(100) PRIMARY KEY CHECK (subject ~ '^[\\x21-\\x7e]{1,100}$'),
        username              text        NOT NULL UNIQUE CHECK (length(username) BETWEEN 1 AND 256),
        password_hash         text        NOT NULL,
        disabled              boolean     NOT NULL DEFAULT false,
        acr                   text,
        amr                   text[],
        name                  text,
        given_name            text,
        family_name           text,
        middle_name           text,
        nickname              text,
        preferred_username    text,
        profile               text,
        picture               text,
        website               text,
        email                 text,
        email_verified        boolean,
        gender                text,
        birthdate             text,
        zoneinfo              text,
        locale                text,
        phone_number          text,
        phone_number_verified boolean,
        address               jsonb CHECK (address IS NULL OR jsonb_typeof(address) = 'object'),
        claims                jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(claims) = 'object'),
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`,
  },
];
