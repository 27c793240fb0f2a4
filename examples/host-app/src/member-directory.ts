import { Injectable } from '@nestjs/common';
import { scryptSync, timingSafeEqual, randomBytes } from 'node:crypto';

interface Member {
  id: string;
  login: string;
  salt: Buffer;
  key: Buffer;
  displayName: string;
}

/** The host's own service: its members (a database or an HR system in real life). */
@Injectable()
export class MemberDirectory {
  private readonly members = new Map<string, Member>();

  constructor() {
    this.add('member-42', 'erin', 'erin-password', 'Erin Example');
  }

  private add(id: string, login: string, password: string, displayName: string): void {
    const salt = randomBytes(16);
    this.members.set(login, { id, login, salt, key: scryptSync(password, salt, 32), displayName });
  }

  /** The member whose password matches, or undefined (same work either way). */
  verify(login: string, password: string): Member | undefined {
    const member = this.members.get(login);
    const salt = member?.salt ?? randomBytes(16);
    const key = scryptSync(password, salt, 32);
    return member && timingSafeEqual(key, member.key) ? member : undefined;
  }

  byId(id: string): Member | undefined {
    return [...this.members.values()].find((member) => member.id === id);
  }
}
