import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectResponse } from '../../http/direct-response';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { LogoutFlow } from './logout-flow';
import { readLogoutParameters } from './logout-parameters';
import { logoutMessages } from './logout.messages';
import { logoutErrorPage } from './logout.page';

function queryOf(request: FastifyRequest): URLSearchParams {
  const index = request.url.indexOf('?');
  return new URLSearchParams(index < 0 ? '' : request.url.slice(index + 1));
}

/**
 * `GET/POST /api/logout`, the `end_session_endpoint` (OpenID Connect RP-Initiated Logout 1.0 §2):
 * relying parties send the user here with `id_token_hint`, `client_id`,
 * `post_logout_redirect_uri`, `state`, `ui_locales` and `logout_hint`; the user may come on their
 * own. A POST carrying the session's `csrf` is the confirmation form.
 */
@Controller('api/logout')
export class LogoutController {
  constructor(private readonly flow: LogoutFlow) {}

  @Get()
  start(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DirectResponse> {
    return this.handle(queryOf(request), request, reply);
  }

  @Post()
  @HttpCode(200)
  post(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Form() form: FormBody,
  ): Promise<DirectResponse> {
    return this.handle(form.params, request, reply);
  }

  private async handle(
    raw: URLSearchParams,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<DirectResponse> {
    const params = readLogoutParameters(raw);
    if (params === undefined) {
      return logoutErrorPage(400, logoutMessages(raw.get('ui_locales') ?? undefined), 'duplicated');
    }
    return params.csrf === undefined
      ? this.flow.request(params, request, reply)
      : this.flow.confirm(params, request, reply);
  }
}
