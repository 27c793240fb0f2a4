import { Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthorizationErrorOutcome, FlowOutcome } from './authorization.actions';
import { PageBranding } from '../../interaction/page-branding';
import { prefersHtml } from './prefers-html';
import { errorPage, oauthErrorOf } from '../../interaction/views/error.page';

function isErrorOutcome(outcome: FlowOutcome): outcome is AuthorizationErrorOutcome {
  return 'page' in outcome && 'action' in outcome;
}

/**
 * Content negotiation for the authorization routes' error actions (authlete-api.md §4.1–4.3):
 * a client gets `responseContent` as JSON through the action map; a browser gets the same status
 * as an HTML page showing that JSON's `error` and `error_description`, escaped, with a link to
 * start the request again when it is known.
 */
@Injectable()
export class BrowserErrorPages {
  constructor(private readonly branding: PageBranding) {}

  present(outcome: FlowOutcome, request: FastifyRequest): FlowOutcome {
    if (!isErrorOutcome(outcome) || !prefersHtml(request)) return outcome;
    const hints = outcome.page;
    return errorPage({
      status: outcome.action === 'BAD_REQUEST' ? 400 : 500,
      kind: hints.kind,
      locale: hints.locale,
      frame: this.branding.frame(hints.serviceName),
      detail: oauthErrorOf(outcome.responseContent),
      restartPath: hints.restartPath,
    });
  }
}
