import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectResponse } from '../../http/direct-response';
import { describeLoginError, type LoginError } from '../../interaction/login-error';
import { PageBranding } from '../../interaction/page-branding';
import { PasswordLogin } from '../../interaction/password-login';
import { verifiesForm } from '../../interaction/session-binding';
import { acceptedLocale, messagesFor, type PageLocale } from '../../interaction/views/locales';
import { loginPage } from '../../interaction/views/login.page';
import { pageResponse } from '../../interaction/views/page-response';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { UserAuthenticator } from '../../users/user-authenticator';
import { CibaDecisions } from './ciba-decisions';
import { PendingCibaRequests } from './pending-ciba-requests';
import { cibaDeviceMessagesFor } from './views/ciba-device-messages';
import { deviceRequestsPage } from './views/device-requests.page';

/** Where the demo device page lives and its forms post. */
export const DEMO_DEVICE_PATH = '/api/backchannel/device';

/**
 * The built-in demo authentication device page (CIBA Core §1): the same login page and
 * {@link PasswordLogin} as the authorization flow, then the user's pending requests, each approved
 * or denied with a CSRF-checked form that ends in {@link CibaDecisions}.
 */
@Injectable()
export class DemoDevicePage {
  constructor(
    private readonly sessions: BrowserSessions,
    private readonly login: PasswordLogin,
    private readonly pending: PendingCibaRequests,
    private readonly decisions: CibaDecisions,
    private readonly users: UserAuthenticator,
    private readonly branding: PageBranding,
  ) {}

  async show(request: FastifyRequest, reply: FastifyReply): Promise<DirectResponse> {
    const session = await this.sessions.ensure(request, reply);
    return this.render(session, acceptedLocale(request.headers['accept-language']));
  }

  async post(
    form: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<DirectResponse> {
    const session = await this.sessions.ensure(request, reply);
    const locale = acceptedLocale(request.headers['accept-language']);
    const t = cibaDeviceMessagesFor(locale);
    if (!verifiesForm(session, session.id, form.get('csrf') ?? '')) {
      return this.render(session, locale, 403);
    }
    const decision = form.get('decision');
    const login = session.session.login;
    if (login === undefined || decision === 'login') {
      if (decision !== 'login') return this.render(session, locale, 403);
      const username = (form.get('username') ?? '').trim();
      const result = await this.login.attempt(
        { username, password: form.get('password') ?? '', clientId: 'ciba-device', acrValues: [] },
        request,
        reply,
        session,
      );
      return result.ok
        ? this.render(result.session, locale)
        : this.render(session, locale, result.status, { error: result.error, username });
    }
    if (decision !== 'approve' && decision !== 'deny') return this.render(session, locale, 400);
    const pending = await this.pending.take(login.subject, form.get('request') ?? '');
    if (pending === undefined) {
      return this.render(session, locale, 400, { notice: t.noLongerWaiting });
    }
    const accepted = await this.decisions.decide(pending, decision, login);
    const notice = !accepted
      ? t.expired
      : decision === 'approve'
        ? t.approved(pending.clientName)
        : t.denied(pending.clientName);
    return this.render(session, locale, 200, { notice });
  }

  private async render(
    session: LoadedSession,
    locale: PageLocale,
    status = 200,
    extra: { error?: LoginError; username?: string; notice?: string } = {},
  ): Promise<DirectResponse> {
    const frame = this.branding.frame();
    const login = session.session.login;
    if (login === undefined) {
      const messages = messagesFor(locale);
      const page = loginPage({
        messages,
        frame,
        client: {
          id: 'ciba-device',
          name: frame.serviceName,
          subjectType: 'PUBLIC',
          sectorIdentifier: '',
        },
        interaction: 'ciba-device',
        csrf: session.session.csrf,
        username: extra.username,
        usernameLocked: false,
        error: describeLoginError(extra.error, messages),
        action: DEMO_DEVICE_PATH,
      });
      return pageResponse(status, page);
    }
    const user = (await this.users.findBySubject(login.subject))?.username ?? login.subject;
    const requests = await this.pending.forUser(login.subject);
    const page = deviceRequestsPage({
      frame,
      t: cibaDeviceMessagesFor(locale),
      csrf: session.session.csrf,
      username: user,
      requests,
      notice: extra.notice,
    });
    return pageResponse(status, page);
  }
}
