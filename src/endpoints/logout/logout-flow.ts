import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectResponse } from '../../http/direct-response';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { secretsEqual } from '../../session/random-id';
import { IdTokenHintVerifier, type VerifiedHint } from './id-token-hint';
import type { LogoutParameters } from './logout-parameters';
import { type LogoutMessages, logoutMessages } from './logout.messages';
import {
  confirmLogoutPage,
  logoutErrorPage,
  postLogoutRedirect,
  signedOutPage,
  stayedSignedInPage,
} from './logout.page';
import { PostLogoutRedirects, type RedirectDecision } from './post-logout-redirects';
import { SessionLogout } from './session-logout';

type Checked =
  | { ok: true; hint?: VerifiedHint; clientId?: string; redirect: RedirectDecision }
  | { ok: false; page: DirectResponse };

/**
 * RP-Initiated Logout 1.0: checks the request (hint signature and issuer, client, registered
 * `post_logout_redirect_uri`), asks the user to confirm when the request could be forged (§6: no
 * valid hint for this session), ends the session with back-channel notification, and finishes at
 * the registered URI with `state`, or on the signed-out page.
 */
@Injectable()
export class LogoutFlow {
  constructor(
    private readonly sessions: BrowserSessions,
    private readonly hints: IdTokenHintVerifier,
    private readonly redirects: PostLogoutRedirects,
    private readonly logout: SessionLogout,
  ) {}

  /** A sign-out request from a relying party or the user (GET, or POST without `csrf`). */
  async request(
    params: LogoutParameters,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<DirectResponse> {
    const messages = logoutMessages(params.uiLocales);
    const checked = await this.check(params, messages);
    if (!checked.ok) return checked.page;
    const loaded = await this.sessions.load(request);
    const login = loaded?.session.login;
    if (loaded === undefined || login === undefined) {
      return this.finish(checked.redirect, params, messages, 302);
    }
    const fromThisSession =
      checked.hint !== undefined &&
      (checked.hint.sid !== undefined
        ? checked.hint.sid === login.sid
        : checked.hint.sub === login.subject) &&
      (params.logoutHint === undefined || params.logoutHint === login.subject);
    if (!fromThisSession) {
      return confirmLogoutPage(messages, {
        csrf: loaded.session.csrf,
        clientId: checked.clientId,
        postLogoutRedirectUri:
          checked.redirect.kind === 'registered' ? checked.redirect.uri : undefined,
        state: checked.redirect.kind === 'registered' ? params.state : undefined,
        uiLocales: params.uiLocales,
      });
    }
    await this.logout.end(request, reply, loaded);
    return this.finish(checked.redirect, params, messages, 302);
  }

  /** The confirmation form's post: CSRF-checked; "stay" keeps the session. */
  async confirm(
    params: LogoutParameters,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<DirectResponse> {
    const messages = logoutMessages(params.uiLocales);
    const loaded: LoadedSession | undefined = await this.sessions.load(request);
    if (loaded !== undefined && !secretsEqual(params.csrf ?? '', loaded.session.csrf)) {
      return logoutErrorPage(403, messages, 'forged');
    }
    if (params.decision === 'stay') return stayedSignedInPage(messages);
    const checked = await this.check({ ...params, idTokenHint: undefined }, messages);
    if (!checked.ok) return checked.page;
    if (loaded !== undefined) await this.logout.end(request, reply, loaded);
    return this.finish(checked.redirect, params, messages, 303);
  }

  private async check(params: LogoutParameters, messages: LogoutMessages): Promise<Checked> {
    let hint: VerifiedHint | undefined;
    if (params.idTokenHint !== undefined) {
      hint = await this.hints.verify(params.idTokenHint);
      if (hint === undefined) return { ok: false, page: logoutErrorPage(400, messages, 'badHint') };
    }
    if (
      hint !== undefined &&
      params.clientId !== undefined &&
      !hint.audiences.includes(params.clientId)
    ) {
      return { ok: false, page: logoutErrorPage(400, messages, 'clientMismatch') };
    }
    const clientId = params.clientId ?? hint?.audiences[0];
    const redirect = await this.redirects.decide(params.postLogoutRedirectUri, clientId);
    if (redirect.kind === 'refused') {
      const status = redirect.reason === 'unverifiable' ? 503 : 400;
      return { ok: false, page: logoutErrorPage(status, messages, redirect.reason as 'noClient') };
    }
    return { ok: true, hint, clientId, redirect };
  }

  private finish(
    redirect: RedirectDecision,
    params: LogoutParameters,
    messages: LogoutMessages,
    status: 302 | 303,
  ): DirectResponse {
    return redirect.kind === 'registered'
      ? postLogoutRedirect(redirect.uri, params.state, status)
      : signedOutPage(messages);
  }
}
