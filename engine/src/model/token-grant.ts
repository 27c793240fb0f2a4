/** The keys of a grant's tokens of one kind: most grants mint one token, kept without a Set. */
type Keys = string | Set<string> | undefined;

function withKey(keys: Keys, key: string): Keys {
  if (keys === undefined || keys === key) return key;
  if (typeof keys === 'string') return new Set([keys, key]);
  keys.add(key);
  return keys;
}

function withoutKey(keys: Keys, key: string): Keys {
  if (keys === key) return undefined;
  if (typeof keys === 'object') keys.delete(key);
  return keys;
}

function listOf(keys: Keys): string[] {
  if (keys === undefined) return [];
  return typeof keys === 'string' ? [keys] : [...keys];
}

/**
 * One authorization grant: every token minted from one code, one password or client-credentials
 * request, or one /auth/token/create call. Revoking the grant revokes all of them (RFC 6749 §4.1.2
 * code reuse, RFC 6819 §5.2.2.3 refresh-token reuse, RFC 7009 §2.1). Compact: a grant with one
 * token of a kind holds its key alone, a Set only from the second one (issue 16: bytes per token).
 */
export class Grant {
  private access: Keys;
  private refresh: Keys;

  addAccessToken(key: string): void {
    this.access = withKey(this.access, key);
  }

  removeAccessToken(key: string): void {
    this.access = withoutKey(this.access, key);
  }

  /** A copy of the keys of this grant's live access tokens. */
  accessTokenKeys(): string[] {
    return listOf(this.access);
  }

  addRefreshToken(key: string): void {
    this.refresh = withKey(this.refresh, key);
  }

  removeRefreshToken(key: string): void {
    this.refresh = withoutKey(this.refresh, key);
  }

  /** A copy of the keys of this grant's live refresh tokens. */
  refreshTokenKeys(): string[] {
    return listOf(this.refresh);
  }
}
