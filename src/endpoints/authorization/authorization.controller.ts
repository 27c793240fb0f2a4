import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { Form, type FormBody } from '../../http/extractors/form-body';
import { AUTHORIZATION_ACTIONS, type FlowOutcome } from './authorization.actions';
import { AuthorizationService } from './authorization.service';
import { BrowserErrorPages } from './browser-error-pages';
import { DecisionService } from './decision.service';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';

/** The raw query string of a request, exactly as sent (design.md §5: never re-encoded). */
function rawQuery(request: FastifyRequest): string {
  const index = request.url.indexOf('?');
  return index < 0 ? '' : request.url.slice(index + 1);
}

/**
 * `GET/POST /api/authorization` (RFC 6749 §3.1; OIDC Core §3.1.2.1 allows both) and
 * `POST /api/authorization/decision` (the login and consent forms), whose pages are then shown by
 * `GET /api/authorization/decision?interaction=…`.
 */
@Controller('api/authorization')
@UnavailableAs503()
export class AuthorizationController {
  constructor(
    private readonly authorization: AuthorizationService,
    private readonly decisions: DecisionService,
    private readonly errorPages: BrowserErrorPages,
  ) {}

  @Get()
  @RateLimitClass('authorization')
  @AuthleteActions(AUTHORIZATION_ACTIONS)
  async get(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FlowOutcome> {
    const outcome = await this.authorization.start(rawQuery(request), request, reply);
    return this.errorPages.present(outcome, request);
  }

  @Post()
  @RateLimitClass('authorization')
  @HttpCode(200)
  @AuthleteActions(AUTHORIZATION_ACTIONS)
  async post(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Form({ required: true }) form: FormBody,
  ): Promise<FlowOutcome> {
    const outcome = await this.authorization.start(form.raw, request, reply);
    return this.errorPages.present(outcome, request);
  }

  /** The page a decision post led to, shown by GET (Post/Redirect/Get), or where Back returns. */
  @Get('decision')
  @RateLimitClass('authorization')
  @AuthleteActions(AUTHORIZATION_ACTIONS)
  async page(
    @Req() request: FastifyRequest,
    @Query('interaction') interaction: unknown,
  ): Promise<FlowOutcome> {
    const id = typeof interaction === 'string' ? interaction : '';
    return this.errorPages.present(await this.decisions.show(id, request), request);
  }

  @Post('decision')
  @RateLimitClass('login', 'login-ip')
  @HttpCode(200)
  @AuthleteActions(AUTHORIZATION_ACTIONS)
  async decision(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Form({ required: true }) form: FormBody,
  ): Promise<FlowOutcome> {
    const outcome = await this.decisions.decide(form.params, request, reply);
    return this.errorPages.present(outcome, request);
  }
}
