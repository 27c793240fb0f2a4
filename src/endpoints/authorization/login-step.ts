import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { LoadedSession } from '../../session/browser-sessions';
import { PasswordLogin } from '../../interaction/password-login';
import type { FlowOutcome } from './authorization.actions';
import type { PendingAuthorization } from './authorization-context';
import { InteractionPages } from './interaction-pages';

/** A login attempt's result: the new logged-in session, or the login page to show again. */
export type LoginResult = { ok: true; session: LoadedSession } | { ok: false; page: FlowOutcome };

/**
 * The login form post of the authorization flow (design.md §6), through the {@link PasswordLogin}
 * every browser page shares. A failure shows the page again with its message and the wait it
 * earned; a user store that cannot answer gets a 503 page. The flow goes on either way (Authlete's
 * reference server ends the flow there instead).
 */
@Injectable()
export class LoginStep {
  constructor(
    private readonly login: PasswordLogin,
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
    const result = await this.login.attempt(
      {
        username,
        password: form.get('password') ?? '',
        clientId: pending.client.id,
        acrValues: pending.acrs,
        requiredSubject: pending.subject,
      },
      request,
      reply,
      session,
    );
    if (result.ok) return result;
    const page = await this.pages.login(pending, session, {
      error: result.error,
      username,
      requiredUsername: pending.requiredUsername,
      status: result.status,
    });
    return { ok: false, page };
  }
}
