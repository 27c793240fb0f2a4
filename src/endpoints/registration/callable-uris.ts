import { Injectable } from '@nestjs/common';
import { OAuthError } from '../../http/oauth.errors';
import { OutboundUrlGuard } from '../../http/outbound-url-guard';

/** Client metadata members holding URLs a server fetches or posts to (not the browser). */
const SINGLE = ['backchannel_logout_uri', 'jwks_uri', 'sector_identifier_uri'] as const;
const LISTS = ['request_uris'] as const;

/**
 * Refuses client metadata whose server-called URLs (`backchannel_logout_uri`, OpenID Connect
 * Back-Channel Logout 1.0 §2.2; `jwks_uri`, `sector_identifier_uri`, `request_uris`, RFC 7591 §2 and
 * OpenID Connect Registration 1.0 §2) would make the server call non-https URLs in production or
 * loopback, private or link-local addresses ({@link OutboundUrlGuard}): 400
 * `invalid_client_metadata` (RFC 7591 §3.2.2). Members of other types are left to Authlete.
 */
@Injectable()
export class CallableUris {
  constructor(private readonly guard: OutboundUrlGuard) {}

  async check(metadata: Record<string, unknown>): Promise<void> {
    const checks: [string, string][] = [];
    for (const field of SINGLE) {
      const value = metadata[field];
      if (typeof value === 'string') checks.push([field, value]);
    }
    for (const field of LISTS) {
      const value = metadata[field];
      if (!Array.isArray(value)) continue;
      for (const item of value) if (typeof item === 'string') checks.push([field, item]);
    }
    for (const [field, uri] of checks) {
      const refusal = await this.guard.refusalResolved(uri);
      if (refusal !== undefined) {
        throw new OAuthError(400, 'invalid_client_metadata', `${field} ${refusal}`);
      }
    }
  }
}
