import { Injectable } from '@nestjs/common';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { TrustedIssuer } from './trusted-issuer';

/** Authlete subjects: printable ASCII, at most 100 characters (authlete-api.md §4.2). */
const SUBJECT = /^[\x21-\x7e]{1,100}$/;

/**
 * Maps the `sub` of a trusted issuer's JWT to this server's subject (RFC 7523 §3 item 2): through
 * `UserAuthenticator.findBySubject` for `users` issuers (an unknown user maps to nothing), or as
 * `subjectPrefix` + `sub` for `prefixed` issuers (workloads, partners' service accounts).
 */
@Injectable()
export class TrustedSubjects {
  constructor(private readonly users: UserAuthenticator) {}

  async map(issuer: TrustedIssuer, sub: string): Promise<string | undefined> {
    if (issuer.subjects === 'prefixed') {
      const subject = `${issuer.subjectPrefix}${sub}`;
      return SUBJECT.test(subject) ? subject : undefined;
    }
    const user = await this.users.findBySubject(sub);
    return user?.subject;
  }
}
