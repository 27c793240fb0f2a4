import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../authlete/authlete.service';
import type { IntrospectionRequest, IntrospectionResponse } from '../authlete/types';
import { TokenIntrospector } from './token-introspector';

/**
 * Introspects through this server's own Authlete connection: `/auth/introspection`
 * (authlete-api.md §8.1) with the DPoP proof, `htm`/`htu` (RFC 9449 §4.3, §7.1), the client
 * certificate (RFC 8705 §3) and the required scopes and resources, so Authlete checks the binding.
 */
@Injectable()
export class LocalTokenIntrospector extends TokenIntrospector {
  constructor(private readonly authlete: AuthleteService) {
    super();
  }

  override introspect(request: IntrospectionRequest): Promise<IntrospectionResponse> {
    return this.authlete.call('introspection', request);
  }
}
