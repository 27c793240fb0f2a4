import { Controller, Get } from '@nestjs/common';
import { DirectResponse } from '../../http/direct-response';
import { CONTENT_TYPE } from '../../http/response-headers';
import { DISCOVERY_TTL_SECONDS, DiscoveryService } from './discovery.service';
import { UnavailableAs503 } from '../../http/route-policy/unavailable-as-503.decorator';

const cacheable = {
  'content-type': CONTENT_TYPE.json,
  'cache-control': `public, max-age=${DISCOVERY_TTL_SECONDS}`,
};

/**
 * Discovery endpoints: `/.well-known/openid-configuration` (OIDC Discovery §4),
 * `/.well-known/oauth-authorization-server` (RFC 8414 §3) and the JWK Set at `/api/jwks`
 * (RFC 7517 §5). They carry a short public max-age instead of no-store (design.md §3).
 */
@Controller()
@UnavailableAs503()
export class DiscoveryController {
  constructor(private readonly discovery: DiscoveryService) {}

  @Get('.well-known/openid-configuration')
  async openidConfiguration(): Promise<DirectResponse> {
    return new DirectResponse(200, cacheable, JSON.stringify(await this.discovery.metadata()));
  }

  @Get('.well-known/oauth-authorization-server')
  async authorizationServerMetadata(): Promise<DirectResponse> {
    return new DirectResponse(200, cacheable, JSON.stringify(await this.discovery.metadata()));
  }

  @Get('api/jwks')
  async jwks(): Promise<DirectResponse> {
    const answer = await this.discovery.keys();
    switch (answer.kind) {
      case 'document':
        return new DirectResponse(200, cacheable, JSON.stringify(answer.document));
      case 'none':
        return new DirectResponse(200, cacheable, JSON.stringify({ keys: [] }));
      case 'redirect':
        return new DirectResponse(302, { location: answer.location, 'cache-control': 'no-store' });
    }
  }
}
