import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import { appConfig, type AppConfig } from '../config/app.config';
import { resolveClaims } from './claim-resolver';
import { hashPassword, parseHash, verifyPassword, type ParsedHash } from './password-hash';
import {
  type AuthenticatedUser,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
  UserAuthenticator,
} from './user-authenticator';
import { parseUsersFile, type StoredUser } from './users-file';

interface LoadedUser extends StoredUser {
  readonly hash: ParsedHash;
}

/**
 * Default {@link UserAuthenticator}: users from `USERS_FILE` (config/users.json) with scrypt hashes
 * from node:crypto. It is a development store: it warns at start-up and refuses
 * `NODE_ENV=production` unless `USERS_ALLOW_DEMO=true` (design.md §6).
 */
@Injectable()
export class FileUserAuthenticator extends UserAuthenticator implements OnModuleInit {
  private readonly logger = new Logger(FileUserAuthenticator.name);
  private byUsername = new Map<string, LoadedUser>();
  private bySubject = new Map<string, LoadedUser>();
  /** Verified against for unknown usernames, so both failures cost the same time. */
  private decoy?: ParsedHash;

  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly usersFile: string,
  ) {
    super();
  }

  async onModuleInit(): Promise<void> {
    if (this.config.nodeEnv === 'production' && !this.config.usersAllowDemo) {
      throw new Error(
        `USERS_FILE: the file-backed demo user store refuses NODE_ENV=production; provide your own UserAuthenticator or set USERS_ALLOW_DEMO=true`,
      );
    }
    const text = await readFile(this.usersFile, 'utf8').catch(() => {
      throw new Error(`USERS_FILE: cannot read ${this.usersFile}`);
    });
    const users = parseUsersFile(text, this.usersFile);
    const loaded = users.map((user) => ({ ...user, hash: parseHash(user.passwordHash)! }));
    this.byUsername = new Map(loaded.map((user) => [user.username, user]));
    this.bySubject = new Map(loaded.map((user) => [user.subject, user]));
    const cost = loaded[0]?.hash.options;
    this.decoy = parseHash(await hashPassword('decoy-password', cost));
    this.logger.warn(
      `Using the file-backed user store ${this.usersFile} (${loaded.length} users). It is meant for development and demos: plug in your own UserAuthenticator for production.`,
    );
  }

  override async authenticate(credentials: PasswordCredentials): Promise<AuthenticatedUser | null> {
    const user = this.byUsername.get(credentials.username);
    const hash = user?.hash ?? this.decoy;
    if (hash === undefined) return null;
    const matches = await verifyPassword(credentials.password, hash);
    if (!user || !matches) return null;
    return {
      subject: user.subject,
      authTime: Math.floor(Date.now() / 1000),
      acr: user.acr,
      amr: user.amr ?? ['pwd'],
    };
  }

  override findBySubject(subject: string): Promise<UserRecord | null> {
    const user = this.bySubject.get(subject);
    return Promise.resolve(user ? { subject: user.subject, username: user.username } : null);
  }

  override findByUsername(username: string): Promise<UserRecord | null> {
    const user = this.byUsername.get(username);
    return Promise.resolve(user ? { subject: user.subject, username: user.username } : null);
  }

  override claims(
    subject: string,
    names: readonly string[],
    locales: readonly string[],
  ): Promise<ClaimValues> {
    const user = this.bySubject.get(subject);
    return Promise.resolve(user ? resolveClaims(user.claims, names, locales) : {});
  }
}
