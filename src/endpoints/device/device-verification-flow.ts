import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DeviceVerificationResponse } from '../../authlete/types';
import { DirectResponse } from '../../http/direct-response';
import type { ClientCard } from '../../interaction/client-card';
import { describeLoginError } from '../../interaction/login-error';
import { PageBranding } from '../../interaction/page-branding';
import { PasswordLogin } from '../../interaction/password-login';
import { verifiesForm } from '../../interaction/session-binding';
import { consentPage } from '../../interaction/views/consent.page';
import { messagesFor, type PageLocale, acceptedLocale } from '../../interaction/views/locales';
import { loginPage } from '../../interaction/views/login.page';
import { pageResponse } from '../../interaction/views/page-response';
import { BrowserSessions, type LoadedSession } from '../../session/browser-sessions';
import { UserAuthenticator } from '../../users/user-authenticator';
import { DeviceInteractions, type PendingDevice } from './device-interactions';
import { DeviceVerificationService } from './device-verification.service';
import { normaliseUserCode } from './user-code-input';
import { UserCodeGuard } from './user-code-guard';
import { deviceMessagesFor } from './views/device-messages';
import { deviceResultPage, userCodePage } from './views/user-code.page';

/** Where every form of the verification page posts. */
export const DEVICE_PAGE_PATH = '/api/device';

function clientCard(response: DeviceVerificationResponse): ClientCard {
  const id = response.clientIdAlias ?? String(response.clientId ?? '');
  return {
    id,
    name: response.clientName ?? id,
    subjectType: 'PUBLIC',
    sectorIdentifier: '',
  };
}

/**
 * The RFC 8628 §3.3 verification page at `verification_uri`: the code form, then the same login
 * page, {@link PasswordLogin} (user store, sessions, failed-sign-in waits) and consent page as the
 * authorization flow, then `/device/complete`. Every form carries the browser session's CSRF
 * token; the pending verification is kept server-side under a single-use id.
 */
@Injectable()
export class DeviceVerificationFlow {
  constructor(
    private readonly sessions: BrowserSessions,
    private readonly interactions: DeviceInteractions,
    private readonly verification: DeviceVerificationService,
    private readonly guard: UserCodeGuard,
    private readonly login: PasswordLogin,
    private readonly users: UserAuthenticator,
    private readonly branding: PageBranding,
  ) {}

  /** GET: the code form, pre-filled from `verification_uri_complete` (§3.3.1) and to confirm. */
  async show(
    typed: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<DirectResponse> {
    const session = await this.sessions.ensure(request, reply);
    const userCode = typed === undefined ? undefined : typed.slice(0, 64);
    const locale = acceptedLocale(request.headers['accept-language']);
    return this.codePage(session, locale, 200, { userCode, confirm: userCode !== undefined });
  }

  /** POST: a code, a sign-in, or a decision. */
  async post(
    form: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<DirectResponse> {
    const session = await this.sessions.ensure(request, reply);
    const locale = acceptedLocale(request.headers['accept-language']);
    const t = deviceMessagesFor(locale);
    const interaction = form.get('interaction');
    if (interaction === null) {
      if (!verifiesForm(session, session.id, form.get('csrf') ?? '')) {
        return this.codePage(session, locale, 403, { error: t.badForm });
      }
      return this.enterCode(form.get('user_code') ?? '', request, session, locale);
    }
    const pending = await this.interactions.take(interaction);
    if (
      pending === undefined ||
      !verifiesForm(session, pending.sessionId, form.get('csrf') ?? '')
    ) {
      return this.codePage(session, locale, 400, { error: t.badForm });
    }
    const decision = form.get('decision');
    if (decision === 'deny') return this.finish(pending, 'deny', session, locale);
    if (pending.step === 'login') {
      return this.signIn(pending, form, request, reply, session, locale);
    }
    const login = session.session.login;
    if (login === undefined || login.subject !== pending.consentSubject) {
      return this.loginPage({ ...pending, step: 'login' }, session, locale);
    }
    if (decision !== 'approve') return this.consentPage(pending, session, locale);
    return this.finish(pending, 'approve', session, locale);
  }

  private async enterCode(
    typed: string,
    request: FastifyRequest,
    session: LoadedSession,
    locale: PageLocale,
  ): Promise<DirectResponse> {
    const t = deviceMessagesFor(locale);
    const gate = await this.guard.check(request.ip, session.id);
    if (!gate.allowed) {
      const page = this.codePage(session, locale, 429, {
        userCode: typed,
        error: t.tooMany(gate.retryAfterSeconds),
      });
      const retryAfter = String(gate.retryAfterSeconds);
      return new DirectResponse(429, { ...page.headers, 'retry-after': retryAfter }, page.body);
    }
    const userCode = normaliseUserCode(typed);
    const found = userCode === undefined ? undefined : await this.verification.verify(userCode);
    if (found === undefined || found.kind === 'notFound') {
      await this.guard.recordFailure(request.ip, session.id);
      return this.codePage(session, locale, 400, { userCode: typed, error: t.notFound });
    }
    if (found.kind !== 'valid') {
      if (found.kind === 'error') {
        return pageResponse(found.status, deviceResultPage(this.branding.frame(), t, 'failed'));
      }
      return this.codePage(session, locale, found.status, { userCode: typed, error: t.expired });
    }
    const { response } = found;
    const pending: PendingDevice = {
      sessionId: session.id,
      userCode: found.userCode,
      client: clientCard(response),
      scopes: response.scopes ?? [],
      claims: response.claimNames ?? [],
      acrs: response.acrs ?? [],
      step: 'login',
      expiresAt: response.expiresAt ?? Date.now() + 300_000,
    };
    const login = session.session.login;
    return login === undefined
      ? this.loginPage(pending, session, locale)
      : this.consentPage(
          { ...pending, step: 'consent', consentSubject: login.subject },
          session,
          locale,
        );
  }

  private async signIn(
    pending: PendingDevice,
    form: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
    session: LoadedSession,
    locale: PageLocale,
  ): Promise<DirectResponse> {
    const username = (form.get('username') ?? '').trim();
    const result = await this.login.attempt(
      {
        username,
        password: form.get('password') ?? '',
        clientId: pending.client.id,
        acrValues: pending.acrs,
      },
      request,
      reply,
      session,
    );
    if (!result.ok) {
      return this.loginPage(pending, session, locale, {
        error: result.error,
        username,
        status: result.status,
      });
    }
    const subject = result.session.session.login?.subject;
    return this.consentPage(
      { ...pending, step: 'consent', consentSubject: subject },
      result.session,
      locale,
    );
  }

  private async finish(
    pending: PendingDevice,
    decision: 'approve' | 'deny',
    session: LoadedSession,
    locale: PageLocale,
  ): Promise<DirectResponse> {
    const done = await this.verification.complete(pending, decision, session.session.login);
    const t = deviceMessagesFor(locale);
    return pageResponse(done.status, deviceResultPage(this.branding.frame(), t, done.outcome));
  }

  private codePage(
    session: LoadedSession,
    locale: PageLocale,
    status: number,
    options: { userCode?: string; confirm?: boolean; error?: string },
  ): DirectResponse {
    const page = userCodePage({
      frame: this.branding.frame(),
      t: deviceMessagesFor(locale),
      csrf: session.session.csrf,
      userCode: options.userCode,
      confirm: options.confirm ?? false,
      error: options.error,
    });
    return pageResponse(status, page);
  }

  private async loginPage(
    pending: PendingDevice,
    session: LoadedSession,
    locale: PageLocale,
    options: {
      error?: Parameters<typeof describeLoginError>[0];
      username?: string;
      status?: number;
    } = {},
  ): Promise<DirectResponse> {
    const messages = messagesFor(locale);
    const id = await this.interactions.put({ ...pending, step: 'login', sessionId: session.id });
    const page = loginPage({
      messages,
      frame: this.branding.frame(),
      client: pending.client,
      interaction: id,
      csrf: session.session.csrf,
      username: options.username,
      usernameLocked: false,
      error: describeLoginError(options.error, messages),
      action: DEVICE_PAGE_PATH,
    });
    return pageResponse(options.status ?? 200, page);
  }

  private async consentPage(
    pending: PendingDevice,
    session: LoadedSession,
    locale: PageLocale,
  ): Promise<DirectResponse> {
    const messages = messagesFor(locale);
    const subject = pending.consentSubject ?? '';
    const user = (await this.users.findBySubject(subject))?.username ?? subject;
    const id = await this.interactions.put({ ...pending, sessionId: session.id });
    const page = consentPage({
      messages,
      frame: this.branding.frame(),
      locale,
      client: pending.client,
      user,
      scopes: pending.scopes,
      claims: pending.claims,
      interaction: id,
      csrf: session.session.csrf,
      action: DEVICE_PAGE_PATH,
    });
    return pageResponse(200, page);
  }
}
