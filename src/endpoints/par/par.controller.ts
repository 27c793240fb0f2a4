import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthleteService } from '../../authlete/authlete.service';
import type { PushedAuthReqResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { PAR_ACTIONS } from './par.actions';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';

/** `POST /api/par`: pushed authorization requests (RFC 9126 §2) through `/pushed_auth_req`. */
@Controller('api/par')
@RateLimitClass('par')
export class ParController {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Post()
  @HttpCode(201)
  @AuthleteActions(PAR_ACTIONS)
  push(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<PushedAuthReqResponse> {
    return this.authlete.call('pushedAuthReq', {
      parameters: form.raw,
      ...this.clients.read(request, 'par'),
    });
  }
}
