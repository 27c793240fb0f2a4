import { Controller, Get } from '@nestjs/common';
import { DirectResponse } from '../../http/direct-response';
import { OAUTH_CSS } from './views/stylesheet';

/** `GET /assets/oauth.css`: the pages' stylesheet, same-origin so CSP stays `style-src 'self'`. */
@Controller('assets')
export class AssetsController {
  @Get('oauth.css')
  stylesheet(): DirectResponse {
    return new DirectResponse(
      200,
      {
        'content-type': 'text/css;charset=UTF-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
      },
      OAUTH_CSS,
    );
  }
}
