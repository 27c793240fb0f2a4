import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DirectResponse } from '../../http/direct-response';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { BrowserSessions } from '../../session/browser-sessions';
import { secretsEqual } from '../../session/random-id';
import { confirmLogoutPage, logoutForbiddenPage, signedOutPage } from './logout.page';

/**
 * `GET/POST /api/logout`: ends the browser's login session (design.md §6). GET shows a
 * confirmation form; the POST carries the session's CSRF token, so another site cannot sign the
 * user out. The session is deleted server-side and the cookie expired.
 */
@Controller('api/logout')
export class LogoutController {
  constructor(private readonly sessions: BrowserSessions) {}

  @Get()
  async confirm(@Req() request: FastifyRequest): Promise<DirectResponse> {
    const loaded = await this.sessions.load(request);
    return loaded === undefined ? signedOutPage() : confirmLogoutPage(loaded.session.csrf);
  }

  @Post()
  @HttpCode(200)
  async logout(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Form({ required: true }) form: FormBody,
  ): Promise<DirectResponse> {
    const loaded = await this.sessions.load(request);
    if (loaded === undefined) return signedOutPage();
    const csrf = form.params.get('csrf') ?? '';
    if (csrf === '' || !secretsEqual(csrf, loaded.session.csrf)) return logoutForbiddenPage();
    await this.sessions.end(request, reply);
    return signedOutPage();
  }
}
