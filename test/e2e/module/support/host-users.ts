import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import {
  type AuthenticatedUser,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
  UserAuthenticator,
} from '../../../../src/users/user-authenticator';

interface HostUser {
  subject: string;
  username: string;
  password: string;
  name: string;
}

/** A service of the host application: its own user directory (a database in real life). */
@Injectable()
export class HostUserDirectory implements OnModuleInit {
  readonly users: HostUser[] = [];
  initialised = 0;

  onModuleInit(): void {
    this.initialised += 1;
    this.users.push({
      subject: 'dave-7',
      username: 'dave',
      password: 'dave-pw',
      name: 'Dave Host',
    });
  }

  byUsername(username: string): HostUser | undefined {
    return this.users.find((user) => user.username === username);
  }

  bySubject(subject: string): HostUser | undefined {
    return this.users.find((user) => user.subject === subject);
  }
}

/** The host's UserAuthenticator: depends on the host's own {@link HostUserDirectory}. */
@Injectable()
export class HostAuthenticator extends UserAuthenticator implements OnModuleInit {
  initialised = 0;

  constructor(private readonly directory: HostUserDirectory) {
    super();
  }

  onModuleInit(): void {
    this.initialised += 1;
  }

  override authenticate(credentials: PasswordCredentials): Promise<AuthenticatedUser | null> {
    const user = this.directory.byUsername(credentials.username);
    const given = Buffer.from(credentials.password);
    const expected = Buffer.from(user?.password ?? '');
    const matches = given.length === expected.length && timingSafeEqual(given, expected);
    if (user === undefined || !matches) return Promise.resolve(null);
    return Promise.resolve({ subject: user.subject, authTime: Math.floor(Date.now() / 1000) });
  }

  override findBySubject(subject: string): Promise<UserRecord | null> {
    const user = this.directory.bySubject(subject);
    return Promise.resolve(user ? { subject: user.subject, username: user.username } : null);
  }

  override claims(subject: string, names: readonly string[]): Promise<ClaimValues> {
    const user = this.directory.bySubject(subject);
    return Promise.resolve(user && names.includes('name') ? { name: user.name } : {});
  }
}

/** The host's module that owns both (not global: the server reaches it through `imports`). */
@Module({
  providers: [HostUserDirectory, HostAuthenticator],
  exports: [HostUserDirectory, HostAuthenticator],
})
export class HostUsersModule {}
