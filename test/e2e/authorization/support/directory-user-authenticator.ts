import { Injectable } from '@nestjs/common';
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { resolveClaims } from '../../../../src/users/claim-resolver';
import {
  type AuthenticatedUser,
  type AuthenticationContext,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
  UserAuthenticator,
} from '../../../../src/users/user-authenticator';

interface DirectoryEntry {
  subject: string;
  username: string;
  salt: Buffer;
  key: Buffer;
  claims: ClaimValues;
}

function derive(password: string, salt: Buffer): Buffer {
  return scryptSync(password.normalize('NFC'), salt, 32);
}

/**
 * Example of your own user store: replace the map with calls to your directory or database.
 * Keep every method async, never tell an unknown user from a wrong password, and compare secrets
 * in constant time.
 */
@Injectable()
export class DirectoryUserAuthenticator extends UserAuthenticator {
  private readonly entries = new Map<string, DirectoryEntry>();
  private readonly decoy = { salt: randomBytes(16), key: randomBytes(32) };

  constructor() {
    super();
    this.add('carol-0001', 'carol', 'carol-password', {
      name: 'Carol Cooper',
      'name#ja': 'クーパー キャロル',
      email: 'carol@example.org',
      email_verified: true,
    });
  }

  private add(subject: string, username: string, password: string, claims: ClaimValues): void {
    const salt = randomBytes(16);
    this.entries.set(username, { subject, username, salt, key: derive(password, salt), claims });
  }

  override authenticate(
    credentials: PasswordCredentials,
    _context: AuthenticationContext,
  ): Promise<AuthenticatedUser | null> {
    const entry = this.entries.get(credentials.username);
    const { salt, key } = entry ?? this.decoy;
    const matches = timingSafeEqual(derive(credentials.password, salt), key);
    if (!entry || !matches) return Promise.resolve(null);
    return Promise.resolve({
      subject: entry.subject,
      authTime: Math.floor(Date.now() / 1000),
      acr: 'urn:mace:incommon:iap:bronze',
      amr: ['pwd'],
    });
  }

  override findBySubject(subject: string): Promise<UserRecord | null> {
    const entry = [...this.entries.values()].find((candidate) => candidate.subject === subject);
    return Promise.resolve(entry ? { subject: entry.subject, username: entry.username } : null);
  }

  override claims(
    subject: string,
    names: readonly string[],
    locales: readonly string[],
  ): Promise<ClaimValues> {
    const entry = [...this.entries.values()].find((candidate) => candidate.subject === subject);
    return Promise.resolve(entry ? resolveClaims(entry.claims, names, locales) : {});
  }
}
