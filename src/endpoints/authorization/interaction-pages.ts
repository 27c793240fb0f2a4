import { Injectable } from '@nestjs/common';
import type { LoadedSession } from '../../session/browser-sessions';
import { InteractionStore } from '../../session/interaction.store';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { FlowOutcome } from './authorization.actions';
import type { AuthorizationContext, PendingAuthorization } from './authorization-context';
import { consentPage } from './views/consent.page';
import { messagesFor, type Messages } from './views/locales';
import { loginPage } from './views/login.page';
import { pageResponse } from './views/page-response';

/** Which message a re-shown login page carries. */
export type LoginError = keyof Pick<
  Messages,
  'invalidCredentials' | 'tooManyAttempts' | 'wrongAccount'
>;

/**
 * Renders the login and consent pages. Each rendering stores the pending authorization under a
 * fresh single-use interaction id bound to the browser session (authlete-api.md §5).
 */
@Injectable()
export class InteractionPages {
  constructor(
    private readonly interactions: InteractionStore,
    private readonly users: UserAuthenticator,
  ) {}

  /** The login page; `login_hint` prefills the username, a demanded `sub` locks it. */
  async login(
    context: AuthorizationContext,
    session: LoadedSession,
    options: { error?: LoginError; username?: string; requiredUsername?: string } = {},
  ): Promise<FlowOutcome> {
    let requiredUsername = options.requiredUsername;
    if (requiredUsername === undefined && context.subject !== undefined) {
      requiredUsername = (await this.users.findBySubject(context.subject))?.username;
    }
    const record: PendingAuthorization = {
      ...context,
      sessionId: session.id,
      step: 'login',
      requiredUsername,
    };
    const interaction = await this.interactions.put(record);
    const messages = messagesFor(context.locale);
    const page = loginPage({
      messages,
      client: context.client,
      interaction,
      csrf: session.session.csrf,
      username: requiredUsername ?? options.username ?? context.loginHint,
      usernameLocked: requiredUsername !== undefined,
      error: options.error === undefined ? undefined : messages[options.error],
    });
    return pageResponse(200, page);
  }

  /** The consent page for the logged-in user. */
  async consent(context: AuthorizationContext, session: LoadedSession): Promise<FlowOutcome> {
    const subject = session.session.login?.subject ?? '';
    const record: PendingAuthorization = {
      ...context,
      sessionId: session.id,
      step: 'consent',
      consentSubject: subject,
    };
    const interaction = await this.interactions.put(record);
    const user = (await this.users.findBySubject(subject))?.username ?? subject;
    const page = consentPage({
      messages: messagesFor(context.locale),
      locale: context.locale,
      client: context.client,
      user,
      scopes: context.scopes,
      claims: [...new Set([...context.claims, ...context.claimsAtUserInfo])],
      interaction,
      csrf: session.session.csrf,
    });
    return pageResponse(200, page);
  }
}
