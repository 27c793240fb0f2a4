import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DirectResponse } from '../../http/direct-response';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { DemoDevicePage } from './demo-device-page';

/** `GET/POST /api/backchannel/device`: the demo CIBA authentication device (CIBA Core §1). */
@Controller('api/backchannel/device')
@UnavailableAs503()
@RateLimitClass('ciba-device', 'login-ip')
export class DemoDeviceController {
  constructor(private readonly page: DemoDevicePage) {}

  @Get()
  show(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DirectResponse> {
    return this.page.show(request, reply);
  }

  @Post()
  @HttpCode(200)
  post(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Form({ required: true }) form: FormBody,
  ): Promise<DirectResponse> {
    return this.page.post(form.params, request, reply);
  }
}
