import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthleteService } from '../../authlete/authlete.service';
import type { RevocationResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { REVOCATION_ACTIONS } from './revocation.actions';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';

/** `POST /api/revocation`: token revocation (RFC 7009 §2) through `/auth/revocation`. */
@Controller('api/revocation')
@UnavailableAs503()
export class RevocationController {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Post()
  @HttpCode(200)
  @AuthleteActions(REVOCATION_ACTIONS)
  revoke(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<RevocationResponse> {
    // DPoP and htm/htu do not apply to revocation (authlete-api.md §8.5).
    const {
      dpop: _dpop,
      htm: _htm,
      htu: _htu,
      ...client
    } = this.clients.read(request, 'revocation');
    return this.authlete.call('revocation', { parameters: form.raw, ...client });
  }
}
