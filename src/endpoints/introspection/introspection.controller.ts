import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AuthleteService } from '../../authlete/authlete.service';
import type { StandardIntrospectionResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { parseBasicCredentials } from '../../http/extractors/basic-credentials';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { OAuthError } from '../../http/oauth.errors';
import { basicChallenge } from '../../http/response-headers';
import { INTROSPECTION_ACTIONS } from './introspection.actions';
import { ResourceServerRegistry } from './resource-server-registry';

const REALM = 'introspection';
const JWT_MEDIA_TYPE = 'application/token-introspection+jwt';

/**
 * `POST /api/introspection`: RFC 7662 token introspection for authenticated resource servers,
 * through `/auth/introspection/standard`. `Accept: application/token-introspection+jwt` asks for a
 * signed JWT response (RFC 9701 §4).
 */
@Controller('api/introspection')
export class IntrospectionController {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly resourceServers: ResourceServerRegistry,
  ) {}

  @Post()
  @HttpCode(200)
  @AuthleteActions(INTROSPECTION_ACTIONS)
  introspect(
    @Req() request: FastifyRequest,
    @Form({ required: true }) form: FormBody,
  ): Promise<StandardIntrospectionResponse> {
    const caller = parseBasicCredentials(request.headers.authorization, REALM);
    if (!caller || !this.resourceServers.verify(caller.id, caller.secret)) {
      throw new OAuthError(401, 'invalid_client', 'Resource server authentication failed', {
        'www-authenticate': basicChallenge(REALM),
      });
    }
    const accept = request.headers.accept ?? '';
    return this.authlete.call('standardIntrospection', {
      parameters: form.raw,
      ...(accept.toLowerCase().includes(JWT_MEDIA_TYPE)
        ? { httpAcceptHeader: JWT_MEDIA_TYPE }
        : {}),
    });
  }
}
