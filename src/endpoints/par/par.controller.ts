import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { PushedAuthReqResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { PAR_ACTIONS } from './par.actions';
import { ParService } from './par.service';

/** `POST /api/par`: pushed authorization requests (RFC 9126 §2) through `/pushed_auth_req`. */
@Controller('api/par')
@RateLimitClass('par')
export class ParController {
  constructor(
    private readonly par: ParService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Post()
  @HttpCode(201)
  @AuthleteActions(PAR_ACTIONS)
  push(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<PushedAuthReqResponse> {
    return this.par.push(form.raw, this.clients.read(request, 'par'));
  }
}
