import { Injectable, Logger } from '@nestjs/common';
import { AuthleteApiError } from '../../authlete/authlete-api.error';
import { AuthleteService } from '../../authlete/authlete.service';

/** Where a sign-out may end: a registered URI, or nowhere (the server's signed-out page). */
export type RedirectDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'registered'; readonly uri: string }
  | { readonly kind: 'refused'; readonly reason: string };

function registeredUris(customMetadata: string | undefined): string[] {
  if (customMetadata === undefined) return [];
  try {
    const parsed = JSON.parse(customMetadata) as { post_logout_redirect_uris?: unknown };
    const uris = parsed.post_logout_redirect_uris;
    return Array.isArray(uris) ? uris.filter((uri): uri is string => typeof uri === 'string') : [];
  } catch {
    return [];
  }
}

function isWebUri(uri: string): boolean {
  if (!URL.canParse(uri)) return false;
  const { protocol } = new URL(uri);
  return protocol === 'https:' || protocol === 'http:';
}

/**
 * Checks a `post_logout_redirect_uri` (RP-Initiated Logout 1.0 §3): it must be registered for the
 * client, exactly, in the client's `post_logout_redirect_uris` (kept by Authlete in the client's
 * `customMetadata`, read with `/client/get`), and be an http(s) URI. Otherwise no redirect.
 */
@Injectable()
export class PostLogoutRedirects {
  private readonly logger = new Logger(PostLogoutRedirects.name);

  constructor(private readonly authlete: AuthleteService) {}

  async decide(uri: string | undefined, clientId: string | undefined): Promise<RedirectDecision> {
    if (uri === undefined) return { kind: 'none' };
    if (clientId === undefined) {
      return { kind: 'refused', reason: 'noClient' };
    }
    let registered: string[];
    try {
      registered = registeredUris(
        (await this.authlete.document('clientGet', { clientId })).customMetadata,
      );
    } catch (error) {
      if (!(error instanceof AuthleteApiError)) throw error;
      this.logger.warn(`post-logout redirect not checked: ${error.message}`);
      return { kind: 'refused', reason: error.unavailable ? 'unverifiable' : 'unregistered' };
    }
    if (!registered.includes(uri) || !isWebUri(uri)) {
      return { kind: 'refused', reason: 'unregistered' };
    }
    return { kind: 'registered', uri };
  }
}
