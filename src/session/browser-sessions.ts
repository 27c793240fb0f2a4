import type {} from '@fastify/cookie';
import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { appConfig, type AppConfig } from '../config/app.config';
import { SessionStore } from './browser-session.store';
import { randomId } from './random-id';
import type { BrowserSession, LoginState } from './session.types';

/** A loaded browser session and its id. */
export interface LoadedSession {
  readonly id: string;
  readonly session: BrowserSession;
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

/**
 * The session cookie (design.md §6): a random 256-bit id signed with `SESSION_SECRET`
 * (@fastify/cookie), HttpOnly, SameSite=Lax, and Secure with the `__Host-` prefix when ISSUER is
 * https (RFC 6265bis §4.1.3.2). The id only points at server-side state in the {@link SessionStore}.
 */
@Injectable()
export class BrowserSessions {
  readonly cookieName: string;

  constructor(
    private readonly store: SessionStore,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {
    this.cookieName = config.secureCookies ? '__Host-oauth_session' : 'oauth_session';
  }

  /** The session named by a validly signed cookie, if it still exists. */
  async load(request: FastifyRequest): Promise<LoadedSession | undefined> {
    const raw = request.cookies[this.cookieName];
    if (raw === undefined) return undefined;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || unsigned.value === null || !SESSION_ID.test(unsigned.value)) {
      return undefined;
    }
    const session = await this.store.get(unsigned.value);
    return session === undefined ? undefined : { id: unsigned.value, session };
  }

  /** The current session, or a new anonymous one (with its CSRF token) set in the cookie. */
  async ensure(request: FastifyRequest, reply: FastifyReply): Promise<LoadedSession> {
    return (await this.load(request)) ?? this.create(reply);
  }

  /**
   * Starts a fresh session (new id, new CSRF token), optionally logged in. Called on every login so
   * a session id planted before the login is worthless afterwards (session fixation); the replaced
   * session is deleted, and remembered only as the id and CSRF token its pages carry.
   */
  async create(
    reply: FastifyReply,
    login?: LoginState,
    replaced?: LoadedSession,
  ): Promise<LoadedSession> {
    if (replaced !== undefined) await this.store.delete(replaced.id);
    const id = randomId();
    const previous =
      replaced === undefined ? undefined : { id: replaced.id, csrf: replaced.session.csrf };
    const session: BrowserSession =
      login === undefined ? { csrf: randomId() } : { csrf: randomId(), login, previous };
    await this.store.save(id, session);
    reply.setCookie(this.cookieName, id, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
      signed: true,
    });
    return { id, session };
  }

  /** Ends the session: deletes it server-side and expires the cookie. */
  async end(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const loaded = await this.load(request);
    if (loaded !== undefined) await this.store.delete(loaded.id);
    reply.clearCookie(this.cookieName, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.secureCookies,
    });
  }
}
