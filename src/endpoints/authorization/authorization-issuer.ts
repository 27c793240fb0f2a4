import { Injectable, Logger } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type {
  AuthleteEnvelope,
  AuthleteProperty,
  AuthorizationFailReason,
  AuthorizationIssueAction,
  AuthorizationIssueRequest,
} from '../../authlete/types';
import { unexpectedAction } from '../../http/unexpected-action';
import { SessionClientsStore } from '../../session/session-clients.store';
import type { LoginState } from '../../session/session.types';
import { PAIRWISE_SUB_PROPERTY, PairwiseSubjects } from '../../users/pairwise-subjects';
import { TOKEN_PROPERTY } from '../../users/token-properties';
import { UserAuthenticator } from '../../users/user-authenticator';
import type { FlowOutcome } from './authorization.actions';
import type { AuthorizationContext } from './authorization-context';
import { restartPathOf } from './restart-path';
import { releasableClaimNames } from '../../users/internal-claims';

/**
 * Ends an authorization: `/auth/authorization/issue` with the login and the claims, or
 * `/auth/authorization/fail` with a reason (authlete-api.md §4.2, §4.3).
 */
@Injectable()
export class AuthorizationIssuer {
  private readonly logger = new Logger(AuthorizationIssuer.name);

  constructor(
    private readonly authlete: AuthleteService,
    private readonly users: UserAuthenticator,
    private readonly pairwise: PairwiseSubjects,
    private readonly sessionClients: SessionClientsStore,
  ) {}

  /**
   * Issues for the logged-in user: `subject`, `authTime` (seconds), `acr`, the `sid`, the values of
   * the ID-token claims requested (OIDC Core §5.5, locale-aware via `claims_locales`) from the
   * {@link UserAuthenticator}, `amr`, and for PAIRWISE clients a pairwise `sub` (OIDC Core §8.1),
   * also kept as a hidden token property for the userinfo endpoint, like `claims_locales`.
   */
  async issue(context: AuthorizationContext, login: LoginState): Promise<FlowOutcome> {
    const names = releasableClaimNames(context.claims);
    const values =
      names.length > 0 ? await this.users.claims(login.subject, names, context.claimsLocales) : {};
    const claims: Record<string, unknown> = { ...values };
    if (login.amr !== undefined && login.amr.length > 0) claims['amr'] = login.amr;
    const request: AuthorizationIssueRequest = {
      ticket: context.ticket,
      subject: login.subject,
      authTime: login.authTime,
      sessionId: login.sid,
    };
    if (login.acr !== undefined) request.acr = login.acr;
    if (Object.keys(claims).length > 0) request.claims = JSON.stringify(claims);
    const properties: AuthleteProperty[] = [];
    if (context.client.subjectType === 'PAIRWISE') {
      const sub = this.pairwise.subjectFor(context.client.sectorIdentifier, login.subject);
      request.sub = sub;
      properties.push({ key: PAIRWISE_SUB_PROPERTY, value: sub, hidden: true });
    }
    if (context.claimsLocales.length > 0) {
      const value = context.claimsLocales.join(' ');
      properties.push({ key: TOKEN_PROPERTY.claimsLocales, value, hidden: true });
    }
    if (properties.length > 0) request.properties = properties;
    const response = await this.authlete.call('authorizationIssue', request);
    if (response.action === 'LOCATION' || response.action === 'FORM') {
      // Remembered for back-channel logout (Back-Channel Logout 1.0 §2.7): who to tell, as whom.
      await this.sessionClients.add(
        login.sid,
        { clientId: context.client.id, sub: request.sub ?? login.subject },
        login.startedAt,
      );
    }
    return this.relay(response, context);
  }

  /** Reports the failure to the client through Authlete (error redirect with `state` and `iss`). */
  async fail(context: AuthorizationContext, reason: AuthorizationFailReason): Promise<FlowOutcome> {
    const response = await this.authlete.call('authorizationFail', {
      ticket: context.ticket,
      reason,
    });
    return this.relay(response, context);
  }

  /**
   * LOCATION/FORM go to the client; a stale ticket (BAD_REQUEST, §11.5) is a 400 and an Authlete
   * failure a 500, each with `responseContent` (a browser's page links to starting again).
   */
  private relay(
    response: AuthleteEnvelope<AuthorizationIssueAction>,
    context: AuthorizationContext,
  ): FlowOutcome {
    const page = {
      locale: context.locale,
      serviceName: context.serviceName,
      restartPath: restartPathOf(context.rawParameters),
    };
    switch (response.action) {
      case 'LOCATION':
      case 'FORM':
        return { action: response.action, responseContent: response.responseContent };
      case 'BAD_REQUEST':
        this.logger.debug(`issue/fail BAD_REQUEST ${response.resultCode ?? ''}`);
        return {
          action: 'BAD_REQUEST',
          responseContent: response.responseContent,
          page: { ...page, kind: 'expired' },
        };
      case 'INTERNAL_SERVER_ERROR':
        this.logger.error(`issue/fail INTERNAL_SERVER_ERROR ${response.resultMessage ?? ''}`);
        return {
          action: 'INTERNAL_SERVER_ERROR',
          responseContent: response.responseContent,
          page: { ...page, kind: 'serverError' },
        };
      default:
        return unexpectedAction('auth/authorization/issue or /fail', response.action);
    }
  }
}
