import { Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { ClientRegistrationResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { REGISTRATION_ACTIONS } from './registration.actions';
import { bearerOf, metadataOf } from './registration-request';
import { RegistrationService } from './registration.service';

/**
 * `POST /api/register` (RFC 7591 §3) and the client configuration endpoint
 * `GET/PUT/DELETE /api/register/{client_id}` (RFC 7592 §2), the `registration_client_uri`,
 * through `/client/registration[/get|/update|/delete]`. The registration access token travels as
 * Authlete's `token`; Authlete checks it.
 */
@Controller('api/register')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Post()
  @HttpCode(201)
  @RateLimitClass('register', 'register-ip')
  @AuthleteActions(REGISTRATION_ACTIONS)
  register(@Req() request: FastifyRequest): Promise<ClientRegistrationResponse> {
    return this.registrations.register(metadataOf(request), bearerOf(request));
  }

  @Get(':clientId')
  @AuthleteActions(REGISTRATION_ACTIONS)
  read(
    @Req() request: FastifyRequest,
    @Param('clientId') clientId: string,
  ): Promise<ClientRegistrationResponse> {
    return this.registrations.read(clientId, bearerOf(request));
  }

  @Put(':clientId')
  @AuthleteActions(REGISTRATION_ACTIONS)
  update(
    @Req() request: FastifyRequest,
    @Param('clientId') clientId: string,
  ): Promise<ClientRegistrationResponse> {
    return this.registrations.update(clientId, bearerOf(request), metadataOf(request));
  }

  @Delete(':clientId')
  @AuthleteActions(REGISTRATION_ACTIONS)
  remove(
    @Req() request: FastifyRequest,
    @Param('clientId') clientId: string,
  ): Promise<ClientRegistrationResponse> {
    return this.registrations.remove(clientId, bearerOf(request));
  }
}
