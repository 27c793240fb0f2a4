import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { BearerError } from './bearer-error';

/**
 * Answers a {@link BearerError}: its status, `WWW-Authenticate` (RFC 6750 §3, RFC 9449 §7.1),
 * `Cache-Control: no-store`, and `{ "error": … }`.
 */
@Catch(BearerError)
export class BearerErrorFilter implements ExceptionFilter<BearerError> {
  catch(error: BearerError, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    void reply
      .status(error.status)
      .headers({
        'www-authenticate': error.challenge,
        'cache-control': 'no-store',
        'content-type': 'application/json;charset=UTF-8',
        ...error.extraHeaders,
      })
      .send(JSON.stringify({ error: error.error }));
  }
}
