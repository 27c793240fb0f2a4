import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { ConsentStore } from '../../session/consent.store';
import { InteractionStore } from '../../session/interaction.store';
import { secretsEqual } from '../../session/random-id';
import type { FlowOutcome } from './authorization.actions';
import type { PendingAuthorization } from './authorization-context';
import { AuthorizationFlow } from './authorization-flow';
import { AuthorizationIssuer } from './authorization-issuer';
import { InteractionPages } from './interaction-pages';
import { consentAsked } from './login-policy';
import { LoginStep } from './login-step';
import { PageBranding } from './page-branding';
import { errorPage } from './views/error.page';
import { pickLocale } from './views/locales';

/**
 * `POST /api/authorization/decision` (design.md §6): the login and consent form posts. The CSRF
 * token must match the session's (else 403, no code); the interaction id is consumed on every post
 * and must belong to this browser session (a replay gets an error page, never a second code).
 */
@Injectable()
export class DecisionService {
  constructor(
    private readonly sessions: BrowserSessions,
    private readonly interactions: InteractionStore,
    private readonly consents: ConsentStore,
    private readonly pages: InteractionPages,
    private readonly flow: AuthorizationFlow,
    private readonly issuer: AuthorizationIssuer,
    private readonly loginStep: LoginStep,
    private readonly branding: PageBranding,
  ) {}

  async decide(
    form: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FlowOutcome> {
    const locale = pickLocale([], request.headers['accept-language']);
    const session = await this.sessions.load(request);
    const csrf = form.get('csrf') ?? '';
    if (session === undefined || csrf === '' || !secretsEqual(csrf, session.session.csrf)) {
      return errorPage({ status: 403, kind: 'forbidden', locale, frame: this.branding.frame() });
    }
    const pending = await this.interactions.take<PendingAuthorization>(
      form.get('interaction') ?? '',
      session.id,
    );
    if (pending === undefined) {
      return errorPage({ status: 400, kind: 'expired', locale, frame: this.branding.frame() });
    }
    const decision = form.get('decision');
    if (decision === 'deny') return this.issuer.fail(pending, 'DENIED');
    if (pending.step === 'login') {
      const loggedIn = await this.loginStep.attempt(pending, form, request, reply, session);
      return loggedIn.ok ? this.flow.afterLogin(pending, loggedIn.session) : loggedIn.page;
    }
    return this.consent(pending, decision, session);
  }

  private async consent(
    pending: PendingAuthorization,
    decision: string | null,
    session: LoadedSession,
  ): Promise<FlowOutcome> {
    const login = session.session.login;
    if (login === undefined || login.subject !== pending.consentSubject) {
      return this.pages.login(pending, session);
    }
    if (decision !== 'approve') return this.pages.consent(pending, session);
    await this.consents.grant(login.subject, pending.client.id, consentAsked(pending));
    return this.issuer.issue(pending, login);
  }
}
