import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { LoginAttemptLimiter } from '../../session/login-attempt.limiter';
import { randomId } from '../../session/random-id';
import { authenticateUser } from '../../users/authentication-outcome';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { FlowOutcome } from './authorization.actions';
import type { LoginError, PendingAuthorization } from './authorization-context';
import { InteractionPages } from './interaction-pages';

/** A login attempt's result: the new logged-in session, or the login page to show again. */
export type LoginResult = { ok: true; session: LoadedSession } | { ok: false; page: FlowOutcome };

/**
 * The login form post (design.md §6). A wrong password or an unknown user shows the page again
 * with one generic message, and with the wait the failure earned (LoginAttemptLimiter); a try
 * during a wait is refused without checking the password and says how long is left. The flow goes
 * on either way (Authlete's reference server ends the flow there instead). A disabled account (right password) gets its
 * own message; a user store that cannot answer gets a 503 page saying sign-in is unavailable, and
 * counts as no failed attempt. Success starts a new session id (no session fixation) that
 * remembers the one it replaced, so the other tabs' pages still post.
 */
@Injectable()
export class LoginStep {
  private readonly logger = new Logger(LoginStep.name);

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
    const again = async (error: LoginError, status = 200) => ({
      ok: false as const,
      page: await this.pages.login(pending, session, {
        error,
        username,
        requiredUsername: pending.requiredUsername,
        status,
      }),
    });
    const gate = await this.limiter.check(username, request.ip);
    if (!gate.allowed) return again({ kind: 'tooManyAttempts', waitSeconds: gate.waitSeconds });
    const outcome =
      username === '' || password === ''
        ? ({ kind: 'rejected' } as const)
        : await authenticateUser(
            this.users,
            { username, password },
            { flow: 'login', clientId: pending.client.id, ip: request.ip, acrValues: pending.acrs },
            this.logger,
          );
    if (outcome.kind === 'unavailable') return again({ kind: 'storeUnavailable' }, 503);
    if (outcome.kind === 'disabled') return again({ kind: 'accountDisabled' });
    if (outcome.kind === 'rejected') {
      const next = await this.limiter.recordFailure(username, request.ip);
      return again({
        kind: 'invalidCredentials',
        waitSeconds: next.allowed ? undefined : next.waitSeconds,
      });
    }
    const { user } = outcome;
    if (pending.subject !== undefined && user.subject !== pending.subject) {
      return again({ kind: 'wrongAccount' });
    }
    await this.limiter.recordSuccess(username, request.ip);
    const fresh = await this.sessions.create(
      reply,
      {
        subject: user.subject,
        authTime: user.authTime,
        acr: user.acr,
        amr: user.amr,
        sid: randomId(),
        startedAt: Math.floor(Date.now() / 1000),
      },
      session,
    );
    return { ok: true, session: fresh };
  }
}
