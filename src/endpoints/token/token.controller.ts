import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { TOKEN_ACTIONS } from './token.actions';
import { type TokenOutcome, TokenService } from './token.service';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';

/** `POST /api/token`: the token endpoint for every grant (RFC 6749 §3.2). */
@Controller('api/token')
@RateLimitClass('token')
export class TokenController {
  constructor(
    private readonly tokens: TokenService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Post()
  @HttpCode(200)
  @AuthleteActions(TOKEN_ACTIONS)
  token(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<TokenOutcome> {
    return this.tokens.handle(form.raw, this.clients.read(request, 'token'), request.ip);
  }
}
