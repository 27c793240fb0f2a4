import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthleteEnvelope } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import {
  BACKCHANNEL_AUTHENTICATION_ACTIONS,
  type BackchannelRouteAction,
} from './backchannel-authentication.actions';
import { BackchannelAuthenticationService } from './backchannel-authentication.service';

/** `POST /api/backchannel/authentication` (OpenID Connect CIBA Core 1.0 §7.1). */
@Controller('api/backchannel/authentication')
@RateLimitClass('backchannel')
export class BackchannelAuthenticationController {
  constructor(
    private readonly backchannel: BackchannelAuthenticationService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Post()
  @HttpCode(200)
  @AuthleteActions(BACKCHANNEL_AUTHENTICATION_ACTIONS)
  authenticate(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<AuthleteEnvelope<BackchannelRouteAction>> {
    return this.backchannel.authenticate(form.raw, this.clients.read(request, 'backchannel'));
  }
}
