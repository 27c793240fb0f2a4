import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { LoginAttemptLimiter } from '../../session/login-attempt.limiter';
import { randomId } from '../../session/random-id';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { FlowOutcome } from './authorization.actions';
import type { PendingAuthorization } from './authorization-context';
import { InteractionPages, type LoginError } from './interaction-pages';

/** A login attempt's result: the new logged-in session, or the login page to show again. */
export type LoginResult = { ok: true; session: LoadedSession } | { ok: false; page: FlowOutcome };

/**
 * The login form post (design.md §6). A wrong password, an unknown user or a locked-out
 * username/IP shows the page again with one generic message and the flow goes on
 * (reference-servers.md §4.4 ended it). Success starts a new session id (no session fixation).
 */
@Injectable()
export class LoginStep {
  constructor(
    private readonly users: UserAuthenticator,
    private readonly limiter: LoginAttemptLimiter,
    private readonly sessions: BrowserSessions,
    private readonly pages: InteractionPages,
  ) {}

  async attempt(
    pending: PendingAuthorization,
    form: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
    session: LoadedSession,
  ): Promise<LoginResult> {
    const username = pending.requiredUsername ?? (form.get('username') ?? '').trim();
    const password = form.get('password') ?? '';
    const again = async (error: LoginError) => ({
      ok: false as const,
      page: await this.pages.login(pending, session, {
        error,
        username,
        requiredUsername: pending.requiredUsername,
      }),
    });
    if (await this.limiter.isBlocked(username, request.ip)) {
      return again({ kind: 'tooManyAttempts', waitSeconds: 60 });
    }
    const user =
      username === '' || password === ''
        ? null
        : await this.users.authenticate(
            { username, password },
            { flow: 'login', clientId: pending.client.id, ip: request.ip, acrValues: pending.acrs },
          );
    if (user === null) {
      await this.limiter.recordFailure(username, request.ip);
      return again({ kind: 'invalidCredentials' });
    }
    if (pending.subject !== undefined && user.subject !== pending.subject) {
      return again({ kind: 'wrongAccount' });
    }
    await this.limiter.recordSuccess(username);
    const fresh = await this.sessions.create(
      reply,
      {
        subject: user.subject,
        authTime: user.authTime,
        acr: user.acr,
        amr: user.amr,
        sid: randomId(),
      },
      session.id,
    );
    return { ok: true, session: fresh };
  }
}
