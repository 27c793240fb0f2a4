import { Injectable } from '@nestjs/common';
import {
  type AuthenticatedUser,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
  UserAuthenticator,
} from 'nestjs-oauth-server';
import { MemberDirectory } from './member-directory';

/** The host's user store for the authorization server: it injects the host's MemberDirectory. */
@Injectable()
export class MemberAuthenticator extends UserAuthenticator {
  constructor(private readonly directory: MemberDirectory) {
    super();
  }

  override async authenticate(credentials: PasswordCredentials): Promise<AuthenticatedUser | null> {
    const member = this.directory.verify(credentials.username, credentials.password);
    return member ? { subject: member.id, authTime: Math.floor(Date.now() / 1000) } : null;
  }

  override async findBySubject(subject: string): Promise<UserRecord | null> {
    const member = this.directory.byId(subject);
    return member ? { subject: member.id, username: member.login } : null;
  }

  override async claims(subject: string, names: readonly string[]): Promise<ClaimValues> {
    const member = this.directory.byId(subject);
    return member && names.includes('name') ? { name: member.displayName } : {};
  }
}
