import { Injectable } from '@nestjs/common';
import type { LoadedSession } from '../../session/browser-sessions';
import { InteractionStore } from '../../session/interaction.store';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { FlowOutcome } from './authorization.actions';
import type { AuthorizationContext, PendingAuthorization } from './authorization-context';
import { PageBranding } from './page-branding';
import { consentPage } from './views/consent.page';
import { messagesFor, type Messages } from './views/locales';
import { loginPage, type LoginPageError } from './views/login.page';
import { pageResponse } from './views/page-response';

/** Why a login page is shown again. */
export type LoginError =
  | {
      readonly kind: 'invalidCredentials' | 'wrongAccount' | 'accountDisabled' | 'storeUnavailable';
    }
  | { readonly kind: 'tooManyAttempts'; readonly waitSeconds: number };

function describeError(error: LoginError | undefined, t: Messages): LoginPageError | undefined {
  switch (error?.kind) {
    case undefined:
      return undefined;
    case 'invalidCredentials':
      return { text: t.invalidCredentials, invalidFields: true };
    case 'wrongAccount':
      return { text: t.wrongAccount, invalidFields: true };
    case 'accountDisabled':
      return { text: t.accountDisabled, invalidFields: false };
    case 'storeUnavailable':
      return { text: t.storeUnavailable, invalidFields: false };
    case 'tooManyAttempts':
      return { text: t.tooManyAttempts(error.waitSeconds), invalidFields: false };
  }
}

/**
 * Renders the login and consent pages. Each rendering stores the pending authorization under a
 * fresh single-use interaction id bound to the browser session (authlete-api.md §5).
 */
@Injectable()
export class InteractionPages {
  constructor(
    private readonly interactions: InteractionStore,
    private readonly users: UserAuthenticator,
    private readonly branding: PageBranding,
  ) {}

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
      frame: this.branding.frame(context.serviceName),
      client: context.client,
      interaction,
      csrf: session.session.csrf,
      username: requiredUsername ?? options.username ?? context.loginHint,
      usernameLocked: requiredUsername !== undefined,
      error: describeError(options.error, messages),
    });
    return pageResponse(options.status ?? 200, page);
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
      frame: this.branding.frame(context.serviceName),
      locale: context.locale,
      client: context.client,
      user,
      scopes: context.scopes,
      claims: [...new Set([...context.claims, ...context.claimsAtUserInfo])],
      interaction,
      csrf: session.session.csrf,
      existingGrant: context.existingGrant,
    });
    return pageResponse(200, page);
  }
}
