import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { ConsentStore } from '../../session/consent.store';
import type { FlowOutcome } from './authorization.actions';
import type { AuthorizationContext } from './authorization-context';
import { AuthorizationIssuer } from './authorization-issuer';
import { InteractionPages } from './interaction-pages';
import {
  acrSatisfied,
  consentAsked,
  loginProblem,
  loginRequired,
  nowSeconds,
} from './login-policy';

/**
 * The decisions of design.md §6 between a valid authorization request and its end: login page,
 * consent page, or straight to `/issue`; and the prompt=none checks of authlete-api.md §4.1.
 */
@Injectable()
export class AuthorizationFlow {
  constructor(
    private readonly sessions: BrowserSessions,
    private readonly consents: ConsentStore,
    private readonly pages: InteractionPages,
    private readonly issuer: AuthorizationIssuer,
  ) {}

  /** INTERACTION: login unless the session's login is good enough, then {@link afterLogin}. */
  async interaction(
    context: AuthorizationContext,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FlowOutcome> {
    const session = await this.sessions.ensure(request, reply);
    if (loginRequired(context, session.session.login, nowSeconds())) {
      return this.pages.login(context, session);
    }
    return this.afterLogin(context, session);
  }

  /**
   * NO_INTERACTION (prompt=none): in order, a login, `max_age`, the demanded subject, the essential
   * `acr`, and consent already given; any miss is reported through `/fail` (login_required,
   * unmet_authentication_requirements, consent_required), else `/issue` with acr and pairwise sub.
   */
  async noInteraction(
    context: AuthorizationContext,
    request: FastifyRequest,
  ): Promise<FlowOutcome> {
    const login = (await this.sessions.load(request))?.session.login;
    const problem = loginProblem(context, login, nowSeconds());
    if (problem !== undefined || login === undefined) {
      return this.issuer.fail(context, problem ?? 'NOT_LOGGED_IN');
    }
    if (!(await this.consents.covers(login.subject, context.client.id, consentAsked(context)))) {
      return this.issuer.fail(context, 'CONSENT_REQUIRED');
    }
    return this.issuer.issue(context, login);
  }

  /**
   * With a good login: an unmet essential `acr` fails (ACR_NOT_SATISFIED); consent is asked
   * unless already given for these scopes and claims and `prompt` lacks `consent`; then `/issue`.
   */
  async afterLogin(context: AuthorizationContext, session: LoadedSession): Promise<FlowOutcome> {
    const login = session.session.login;
    if (login === undefined) return this.pages.login(context, session);
    if (!acrSatisfied(context, login.acr)) return this.issuer.fail(context, 'ACR_NOT_SATISFIED');
    const remembered = await this.consents.covers(
      login.subject,
      context.client.id,
      consentAsked(context),
    );
    if (!remembered || context.prompts.includes('CONSENT')) {
      return this.pages.consent(context, session);
    }
    return this.issuer.issue(context, login);
  }
}
