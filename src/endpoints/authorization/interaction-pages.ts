import { Injectable } from '@nestjs/common';
import type { LoadedSession } from '../../session/browser-sessions';
import { InteractionStore } from '../../session/interaction.store';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { AuthorizationContext, PendingAuthorization } from './authorization-context';
import { describeLoginError, type LoginError } from '../../interaction/login-error';
import { InteractionPage } from './interaction-page';
import { PageBranding } from '../../interaction/page-branding';
import { consentPage } from '../../interaction/views/consent.page';
import { messagesFor } from '../../interaction/views/locales';
import { loginPage } from '../../interaction/views/login.page';

/**
 * Renders the login and consent pages. Each new page stores the pending authorization under a
 * fresh single-use interaction id bound to the browser session (authlete-api.md §5), with a trail
 * that outlives it; {@link render} shows a stored page again (GET after a post, or Back).
 */
@Injectable()
export class InteractionPages {
  constructor(
    private readonly interactions: InteractionStore,
    private readonly users: UserAuthenticator,
    private readonly branding: PageBranding,
  ) {}

  private async open(
    record: PendingAuthorization,
    session: LoadedSession,
    status = 200,
  ): Promise<InteractionPage> {
    const trail = {
      sessionId: session.id,
      ticket: record.ticket,
      rawParameters: record.rawParameters,
      locale: record.locale,
      serviceName: record.serviceName,
    };
    const signedIn = session.session.login !== undefined;
    const id = await this.interactions.put(record, trail, signedIn);
    return this.render(id, record, session, status);
  }

  /** The login page; `login_hint` prefills the username, a demanded `sub` locks it. */
  async login(
    context: AuthorizationContext,
    session: LoadedSession,
    options: {
      error?: LoginError;
      username?: string;
      requiredUsername?: string;
      /** 503 when the user store is down (the page still lets the person retry). */
      status?: number;
    } = {},
  ): Promise<InteractionPage> {
    let requiredUsername = options.requiredUsername;
    if (requiredUsername === undefined && context.subject !== undefined) {
      requiredUsername = (await this.users.findBySubject(context.subject))?.username;
    }
    return this.open(
      {
        ...context,
        sessionId: session.id,
        step: 'login',
        requiredUsername,
        username: options.username,
        error: options.error,
      },
      session,
      options.status,
    );
  }

  /** The consent page for the logged-in user. */
  async consent(context: AuthorizationContext, session: LoadedSession): Promise<InteractionPage> {
    const subject = session.session.login?.subject ?? '';
    return this.open(
      { ...context, sessionId: session.id, step: 'consent', consentSubject: subject },
      session,
    );
  }

  /** The page of a stored interaction, with this session's CSRF token. */
  async render(
    id: string,
    record: PendingAuthorization,
    session: LoadedSession,
    status = 200,
  ): Promise<InteractionPage> {
    const messages = messagesFor(record.locale);
    const frame = this.branding.frame(record.serviceName);
    if (record.step === 'login') {
      const page = loginPage({
        messages,
        frame,
        client: record.client,
        interaction: id,
        csrf: session.session.csrf,
        username: record.requiredUsername ?? record.username ?? record.loginHint,
        usernameLocked: record.requiredUsername !== undefined,
        error: describeLoginError(record.error, messages),
      });
      return new InteractionPage(id, page, status);
    }
    const subject = record.consentSubject ?? '';
    const user = (await this.users.findBySubject(subject))?.username ?? subject;
    const page = consentPage({
      messages,
      frame,
      locale: record.locale,
      client: record.client,
      user,
      scopes: record.scopes,
      claims: [...new Set([...record.claims, ...record.claimsAtUserInfo])],
      interaction: id,
      csrf: session.session.csrf,
      existingGrant: record.existingGrant,
      credentials: record.credentials,
    });
    return new InteractionPage(id, page);
  }
}
