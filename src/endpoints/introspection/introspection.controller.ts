import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { StandardIntrospectionResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { parseBasicCredentials } from '../../http/extractors/basic-credentials';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { INTROSPECTION_ACTIONS } from './introspection.actions';
import { INTROSPECTION_REALM, IntrospectionService } from './introspection.service';

/**
 * `POST /api/introspection`: RFC 7662 token introspection for authenticated resource servers,
 * through `/auth/introspection/standard`. `Accept: application/token-introspection+jwt` asks for a
 * signed JWT response (RFC 9701 §4).
 */
@Controller('api/introspection')
export class IntrospectionController {
  constructor(private readonly introspection: IntrospectionService) {}

  @Post()
  @HttpCode(200)
  @AuthleteActions(INTROSPECTION_ACTIONS)
  introspect(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<StandardIntrospectionResponse> {
    return this.introspection.introspect({
      parameters: form.raw,
      caller: parseBasicCredentials(request.headers.authorization, INTROSPECTION_REALM),
      wantsJwt: IntrospectionService.wantsJwt(request.headers.accept),
    });
  }
}
