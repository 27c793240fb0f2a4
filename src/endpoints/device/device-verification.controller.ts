import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectResponse } from '../../http/direct-response';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { DeviceVerificationFlow } from './device-verification-flow';

/**
 * `GET/POST /api/device`: the RFC 8628 §3.3 verification page (`verification_uri`), where a
 * person enters the code shown on their device, signs in and decides.
 */
@Controller('api/device')
@UnavailableAs503()
export class DeviceVerificationController {
  constructor(private readonly flow: DeviceVerificationFlow) {}

  @Get()
  @RateLimitClass('device-page', 'login-ip')
  show(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('user_code') userCode: unknown,
  ): Promise<DirectResponse> {
    return this.flow.show(typeof userCode === 'string' ? userCode : undefined, request, reply);
  }

  @Post()
  @HttpCode(200)
  @RateLimitClass('device-page', 'login-ip')
  post(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Form({ required: true }) form: FormBody,
  ): Promise<DirectResponse> {
    return this.flow.post(form.params, request, reply);
  }
}
