import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RevocationResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';
import { REVOCATION_ACTIONS } from './revocation.actions';
import { RevocationService } from './revocation.service';

/** `POST /api/revocation`: token revocation (RFC 7009 §2) through `/auth/revocation`. */
@Controller('api/revocation')
@UnavailableAs503()
export class RevocationController {
  constructor(
    private readonly revocation: RevocationService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Post()
  @HttpCode(200)
  @AuthleteActions(REVOCATION_ACTIONS)
  revoke(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<RevocationResponse> {
    return this.revocation.revoke(form.raw, this.clients.read(request, 'revocation'));
  }
}
