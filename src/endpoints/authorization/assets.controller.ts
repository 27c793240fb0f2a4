import { Controller, Get, Param } from '@nestjs/common';
import { DirectResponse } from '../../http/direct-response';
import { DEMO_LOGOS } from '../../interaction/views/demo-logos';
import { OAUTH_CSS } from '../../interaction/views/stylesheet';

const NOT_FOUND = new DirectResponse(
  404,
  { 'content-type': 'text/plain;charset=UTF-8', 'x-content-type-options': 'nosniff' },
  'Not Found',
);

/** The pages' own files, same-origin so CSP stays `style-src 'self'` and `img-src 'self'`. */
@Controller('assets')
export class AssetsController {
  /** `GET /assets/oauth.css`: the pages' stylesheet. */
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

  /**
   * `GET /assets/logos/:name`: the demo clients' logos. SVG with a CSP that forbids everything but
   * its own inline presentation, so opening one directly cannot run anything.
   */
  @Get('logos/:name')
  logo(@Param('name') name: string): DirectResponse {
    const svg = Object.hasOwn(DEMO_LOGOS, name) ? DEMO_LOGOS[name] : undefined;
    if (svg === undefined) return NOT_FOUND;
    return new DirectResponse(
      200,
      {
        'content-type': 'image/svg+xml',
        'cache-control': 'public, max-age=86400',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
      },
      svg,
    );
  }
}
