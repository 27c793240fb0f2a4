import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { UserInfoIssueResponse, UserInfoResponse } from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { ClientRequestReader } from '../../http/client-request.reader';
import { extractAccessToken, type PresentedToken } from '../../http/extractors/access-token';
import { formBodyOf } from '../../http/extractors/form-body';
import { OAuthError } from '../../http/oauth.errors';
import { USERINFO_ACTIONS } from './userinfo.actions';
import { UserinfoService } from './userinfo.service';

function challengeError(
  status: number,
  error: 'invalid_request' | 'invalid_token',
  description: string,
): OAuthError {
  return new OAuthError(status, error, description, {
    'www-authenticate': `Bearer error="${error}",error_description="${description}"`,
  });
}

/** `GET/POST /api/userinfo`: the OIDC UserInfo endpoint (OIDC Core §5.3). */
@Controller('api/userinfo')
export class UserinfoController {
  constructor(
    private readonly userinfo: UserinfoService,
    private readonly clients: ClientRequestReader,
  ) {}

  @Get()
  @AuthleteActions(USERINFO_ACTIONS)
  get(@Req() request: FastifyRequest): Promise<UserInfoResponse | UserInfoIssueResponse> {
    return this.handle(request);
  }

  @Post()
  @HttpCode(200)
  @AuthleteActions(USERINFO_ACTIONS)
  post(@Req() request: FastifyRequest): Promise<UserInfoResponse | UserInfoIssueResponse> {
    return this.handle(request);
  }

  private handle(request: FastifyRequest): Promise<UserInfoResponse | UserInfoIssueResponse> {
    let presented: PresentedToken | undefined;
    try {
      presented = extractAccessToken(request, formBodyOf(request));
    } catch (error) {
      if (error instanceof OAuthError) {
        throw challengeError(400, 'invalid_request', error.description ?? error.error);
      }
      throw error;
    }
    if (!presented) {
      // RFC 6750 §3.1: no credentials at all → 401 with a bare challenge, no error code.
      throw new OAuthError(401, 'invalid_token', 'An access token is required', {
        'www-authenticate': 'Bearer realm="userinfo"',
      });
    }
    return this.userinfo.handle({
      token: presented.token,
      ...this.clients.target(request),
      ...(presented.dpop ? { dpop: presented.dpop } : {}),
      ...(this.clients.certificate(request)
        ? { clientCertificate: this.clients.certificate(request) }
        : {}),
    });
  }
}
