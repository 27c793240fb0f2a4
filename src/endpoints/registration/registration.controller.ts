import { Controller, Delete, Get, HttpCode, Param, Post, Put, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthleteService } from '../../authlete/authlete.service';
import type { ClientRegistrationResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { REGISTRATION_ACTIONS } from './registration.actions';
import { RegistrationPolicy } from './registration-policy';
import { bearerOf, metadataOf } from './registration-request';

/**
 * `POST /api/register` (RFC 7591 §3) and the client configuration endpoint
 * `GET/PUT/DELETE /api/register/{client_id}` (RFC 7592 §2), the `registration_client_uri`,
 * through `/client/registration[/get|/update|/delete]`. The registration access token travels as
 * Authlete's `token`; Authlete checks it.
 */
@Controller('api/register')
export class RegistrationController {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly policy: RegistrationPolicy,
  ) {}

  @Post()
  @HttpCode(201)
  @RateLimitClass('register', 'register-ip')
  @AuthleteActions(REGISTRATION_ACTIONS)
  async register(@Req() request: FastifyRequest): Promise<ClientRegistrationResponse> {
    const admitted = await this.policy.admit(metadataOf(request), bearerOf(request));
    return this.authlete.call('clientRegistration', {
      json: JSON.stringify(admitted.metadata),
      token: admitted.token,
    });
  }

  @Get(':clientId')
  @AuthleteActions(REGISTRATION_ACTIONS)
  read(
    @Req() request: FastifyRequest,
    @Param('clientId') clientId: string,
  ): Promise<ClientRegistrationResponse> {
    return this.authlete.call('clientRegistrationGet', { clientId, token: bearerOf(request) });
  }

  @Put(':clientId')
  @AuthleteActions(REGISTRATION_ACTIONS)
  update(
    @Req() request: FastifyRequest,
    @Param('clientId') clientId: string,
  ): Promise<ClientRegistrationResponse> {
    return this.authlete.call('clientRegistrationUpdate', {
      clientId,
      token: bearerOf(request),
      json: JSON.stringify(metadataOf(request)),
    });
  }

  @Delete(':clientId')
  @AuthleteActions(REGISTRATION_ACTIONS)
  remove(
    @Req() request: FastifyRequest,
    @Param('clientId') clientId: string,
  ): Promise<ClientRegistrationResponse> {
    return this.authlete.call('clientRegistrationDelete', { clientId, token: bearerOf(request) });
  }
}
