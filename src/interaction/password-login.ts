import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSessions, type LoadedSession } from '../session/browser-sessions';
import { LoginAttemptLimiter } from '../session/login-attempt.limiter';
import { randomId } from '../session/random-id';
import { authenticateUser } from '../users/authentication-outcome';
import { UserAuthenticator } from '../users/user-authenticator';
import type { LoginError } from './login-error';

/** What a login form post asks for. */
export interface LoginAttempt {
  readonly username: string;
  readonly password: string;
  /** The client the person signs in for (for the authentication log and policies). */
  readonly clientId: string;
  readonly acrValues: readonly string[];
  /** The subject the request demands, if any: another account is refused. */
  readonly requiredSubject?: string;
}

/** The new signed-in session, or why the login page is shown again (and with which status). */
export type PasswordLoginResult =
  { ok: true; session: LoadedSession } | { ok: false; error: LoginError; status: number };

/**
 * The sign-in every browser page shares (design.md §6: the authorization endpoint's login, the
 * RFC 8628 verification page and the CIBA demo device page): the {@link LoginAttemptLimiter}
 * gate (a try during a wait is refused without checking the password), the
 * {@link UserAuthenticator}, one generic message for a wrong password or an unknown user, and on
 * success a new session id (no session fixation) that remembers the one it replaced.
 */
@Injectable()
export class PasswordLogin {
  private readonly logger = new Logger(PasswordLogin.name);

  constructor(
    private readonly users: UserAuthenticator,
    private readonly limiter: LoginAttemptLimiter,
    private readonly sessions: BrowserSessions,
  ) {}

  async attempt(
    attempt: LoginAttempt,
    request: FastifyRequest,
    reply: FastifyReply,
    session: LoadedSession,
  ): Promise<PasswordLoginResult> {
    const { username, password } = attempt;
    const again = (error: LoginError, status = 200): PasswordLoginResult => ({
      ok: false,
      error,
      status,
    });
    const gate = await this.limiter.check(username, request.ip);
    if (!gate.allowed) return again({ kind: 'tooManyAttempts', waitSeconds: gate.waitSeconds });
    const outcome =
      username === '' || password === ''
        ? ({ kind: 'rejected' } as const)
        : await authenticateUser(
            this.users,
            { username, password },
            {
              flow: 'login',
              clientId: attempt.clientId,
              ip: request.ip,
              acrValues: [...attempt.acrValues],
            },
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
    if (attempt.requiredSubject !== undefined && user.subject !== attempt.requiredSubject) {
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
