import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { ConsentStore } from '../../session/consent.store';
import { InteractionStore, type InteractionTrail } from '../../session/interaction.store';
import type { FlowOutcome } from './authorization.actions';
import type { PendingAuthorization } from './authorization-context';
import { AuthorizationFlow } from './authorization-flow';
import { AuthorizationIssuer } from './authorization-issuer';
import { InteractionPage, pagePath, seeOther } from './interaction-page';
import { InteractionPages } from './interaction-pages';
import { consentAsked } from './login-policy';
import { LoginStep } from './login-step';
import { PageBranding } from '../../interaction/page-branding';
import { restartPathOf } from './restart-path';
import { sessionHolds, verifiesForm } from '../../interaction/session-binding';
import { errorPage } from '../../interaction/views/error.page';
import { pickLocale, type PageLocale } from '../../interaction/views/locales';

function isFinal(
  outcome: FlowOutcome,
): outcome is { action: 'LOCATION' | 'FORM'; responseContent?: string } {
  return 'action' in outcome && (outcome.action === 'LOCATION' || outcome.action === 'FORM');
}

/**
 * `POST /api/authorization/decision` (design.md §6): the login and consent form posts, and
 * `GET /api/authorization/decision?interaction=…`, the page a post leads to (Post/Redirect/Get).
 * A post must carry the CSRF token of the browser session its page was shown to, or of the session
 * a sign-in in another tab replaced it with; anything else gets no code. A post or a GET for a page
 * that was already used, expired or superseded leads the person on: to the client with the
 * result when the request finished, back into the same request when it can go on, or to a page
 * that starts it again. Never a dead end.
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

  /** The form post. */
  async decide(
    form: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FlowOutcome> {
    const id = form.get('interaction') ?? '';
    const trail = await this.interactions.trail(id);
    if (trail === undefined) return this.unknown(request);
    const session = await this.sessions.load(request);
    if (session === undefined || !verifiesForm(session, trail.sessionId, form.get('csrf') ?? '')) {
      return this.startAgain(trail, 403);
    }
    const pending = await this.interactions.take<PendingAuthorization>(id);
    if (pending === undefined) return this.leadOn(trail);
    const outcome = await this.act(pending, form, request, reply, session);
    if (isFinal(outcome)) await this.interactions.finish(id, trail.ticket, outcome);
    return outcome instanceof InteractionPage && outcome.status === 200
      ? seeOther(`${this.branding.basePath}${pagePath(outcome.interaction)}`)
      : outcome;
  }

  /** The GET of a page a post led to (or that Back returns to). */
  async show(id: string, request: FastifyRequest): Promise<FlowOutcome> {
    const trail = await this.interactions.trail(id);
    if (trail === undefined) return this.unknown(request);
    const session = await this.sessions.load(request);
    if (session === undefined || !sessionHolds(session, trail.sessionId)) {
      return this.startAgain(trail, 400);
    }
    const pending = await this.interactions.peek<PendingAuthorization>(id);
    if (pending === undefined) return this.leadOn(trail);
    return this.pages.render(id, pending, session);
  }

  private async act(
    pending: PendingAuthorization,
    form: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
    session: LoadedSession,
  ): Promise<FlowOutcome> {
    const decision = form.get('decision');
    if (decision === 'deny') return this.issuer.fail(pending, 'DENIED');
    if (pending.step === 'login') {
      // Signed in meanwhile in another tab: go on with that sign-in.
      if (pending.sessionId !== session.id && session.session.login !== undefined) {
        return this.flow.afterLogin(pending, session);
      }
      const loggedIn = await this.loginStep.attempt(pending, form, request, reply, session);
      return loggedIn.ok ? this.flow.afterLogin(pending, loggedIn.session) : loggedIn.page;
    }
    const login = session.session.login;
    if (login === undefined || login.subject !== pending.consentSubject) {
      return this.pages.login(pending, session);
    }
    if (decision !== 'approve') return this.pages.consent(pending, session);
    await this.consents.grant(login.subject, pending.client.id, consentAsked(pending));
    return this.issuer.issue(pending, login);
  }

  /**
   * A page already used (or expired): to the client with the result if the request finished,
   * else back into the same request (the authorization endpoint decides what it needs now).
   */
  private async leadOn(trail: InteractionTrail): Promise<FlowOutcome> {
    const finished = await this.interactions.finished(trail.ticket);
    if (finished !== undefined) return { ...finished };
    const restart = restartPathOf(trail.rawParameters);
    return restart === undefined
      ? this.startAgain(trail, 400)
      : seeOther(`${this.branding.basePath}${restart}`);
  }

  /** A page that cannot be acted on from here, with a link that starts the request again. */
  private startAgain(trail: InteractionTrail, status: 400 | 403): FlowOutcome {
    return errorPage({
      status,
      kind: status === 403 ? 'forbidden' : 'expired',
      locale: trail.locale as PageLocale,
      frame: this.branding.frame(trail.serviceName),
      restartPath: restartPathOf(trail.rawParameters),
    });
  }

  /** Nothing is known about the page any more: explain, in the browser's language. */
  private unknown(request: FastifyRequest): FlowOutcome {
    const locale = pickLocale([], request.headers['accept-language']);
    return errorPage({ status: 400, kind: 'expired', locale, frame: this.branding.frame() });
  }
}
