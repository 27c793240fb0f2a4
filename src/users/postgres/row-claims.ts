import type { ClaimValues } from '../user-authenticator';
import { CLAIM_COLUMNS } from './postgres-schema';

/** A row of the users table as the claims query reads it. */
export type ClaimRow = Record<string, unknown> & { claims?: unknown };

/**
 * Claims of one user from a row (OIDC Core §5.1): the standard-claim columns that are not null
 * (`updated_at` as seconds since the epoch, `address` as its JSON object), overlaid with the
 * members of the `claims` JSON column, which also carries language-tagged names (`name#ja`).
 */
export function claimsFromRow(row: ClaimRow): ClaimValues {
  const values: ClaimValues = {};
  for (const column of CLAIM_COLUMNS) {
    const value = row[column];
    if (value === null || value === undefined) continue;
    values[column] = value instanceof Date ? Math.floor(value.getTime() / 1000) : value;
  }
  const extra = row.claims;
  if (typeof extra === 'object' && extra !== null && !Array.isArray(extra)) {
    Object.assign(values, extra);
  }
  return values;
}
