import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { DeviceAuthorizationResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { DEVICE_AUTHORIZATION_ACTIONS } from './device-authorization.actions';
import { DeviceAuthorizationService } from './device-authorization.service';

/**
 * `POST /api/device/authorization` (RFC 8628 §3.1): the device authorization endpoint, with
 * client authentication as at the token endpoint.
 */
@Controller('api/device/authorization')
@RateLimitClass('device')
export class DeviceAuthorizationController {
  constructor(
    private readonly device: DeviceAuthorizationService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Post()
  @HttpCode(200)
  @AuthleteActions(DEVICE_AUTHORIZATION_ACTIONS)
  authorize(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<DeviceAuthorizationResponse> {
    return this.device.authorize(form.raw, this.clients.read(request, 'device'));
  }
}
