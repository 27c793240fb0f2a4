import { Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthleteService } from '../../authlete/authlete.service';
import { unexpectedAction } from '../../http/unexpected-action';
import type { FlowOutcome } from './authorization.actions';
import { toContext } from './authorization-context';
import { AuthorizationFlow } from './authorization-flow';
import { readRawValues } from './raw-parameters';
import { pickLocale } from '../../interaction/views/locales';

/**
 * The authorization endpoint (RFC 6749 §3.1, OIDC Core §3.1.2): passes the raw request to
 * `/auth/authorization` and acts on the action (authlete-api.md §4.1). A request without a usable
 * redirect URI (BAD_REQUEST) is answered 400 with Authlete's JSON, or an HTML page for a
 * browser, never with a redirect (RFC 6749 §4.1.2.1).
 */
@Injectable()
export class AuthorizationService {
  private readonly logger = new Logger(AuthorizationService.name);

  constructor(
    private readonly authlete: AuthleteService,
    private readonly flow: AuthorizationFlow,
  ) {}

  async start(
    parameters: string,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<FlowOutcome> {
    const response = await this.authlete.call('authorization', { parameters });
    const acceptLanguage = request.headers['accept-language'];
    const locale = () => pickLocale(readRawValues(parameters).uiLocales, acceptLanguage);
    switch (response.action) {
      case 'LOCATION':
      case 'FORM':
        return { action: response.action, responseContent: response.responseContent };
      case 'BAD_REQUEST':
        this.logger.debug(`/auth/authorization BAD_REQUEST ${response.resultCode ?? ''}`);
        return {
          action: 'BAD_REQUEST',
          responseContent: response.responseContent,
          page: { kind: 'badRequest', locale: locale() },
        };
      case 'INTERNAL_SERVER_ERROR':
        this.logger.error(
          `/auth/authorization INTERNAL_SERVER_ERROR ${response.resultMessage ?? ''}`,
        );
        return {
          action: 'INTERNAL_SERVER_ERROR',
          responseContent: response.responseContent,
          page: { kind: 'serverError', locale: locale() },
        };
      case 'INTERACTION':
        return this.flow.interaction(
          toContext(response, parameters, acceptLanguage),
          request,
          reply,
        );
      case 'NO_INTERACTION':
        return this.flow.noInteraction(toContext(response, parameters, acceptLanguage), request);
      default:
        return unexpectedAction('auth/authorization', response.action);
    }
  }
}
