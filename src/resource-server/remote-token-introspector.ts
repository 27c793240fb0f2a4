import type { IntrospectionRequest, IntrospectionResponse } from '../authlete/types';
import { TokenIntrospector } from './token-introspector';

/** Where a separate service introspects: this server's `/api/introspection` and its credentials. */
export interface RemoteIntrospection {
  /** e.g. `https://login.example.com/api/introspection`. */
  readonly url: string;
  /** The resource server's id and secret (config/resource-servers.json of the server). */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Milliseconds before a call is abandoned (default 5000). */
  readonly timeoutMs?: number;
}

interface StandardAnswer {
  active?: boolean;
  scope?: string;
  sub?: string;
  exp?: number;
  aud?: string | string[];
  cnf?: Record<string, unknown>;
}

const challenge = (error: string, description: string, scope?: string): string =>
  `Bearer error="${error}",error_description="${description}"${scope ? `,scope="${scope}"` : ''}`;

function envelope(
  action: IntrospectionResponse['action'],
  responseContent: string,
  answer: StandardAnswer = {},
): IntrospectionResponse {
  return {
    action,
    responseContent,
    subject: answer.sub,
    scopes: answer.scope?.split(' ').filter((scope) => scope !== ''),
    expiresAt: answer.exp === undefined ? undefined : answer.exp * 1000,
    usable: answer.active === true,
  };
}

/**
 * Introspects through the authorization server's RFC 7662 endpoint (§2.1, HTTP Basic resource
 * server credentials) and answers in the shape of Authlete's `/auth/introspection`, so the guard
 * treats both alike: inactive → UNAUTHORIZED, missing scope or resource → FORBIDDEN
 * `insufficient_scope` (RFC 6750 §3.1). A sender-constrained token (`cnf`, RFC 9449 §6.1,
 * RFC 8705 §3.1) cannot have its proof checked from here and is refused: protect such APIs
 * inside the authorization server's process (local introspection), where Authlete checks it.
 */
export class RemoteTokenIntrospector extends TokenIntrospector {
  constructor(private readonly remote: RemoteIntrospection) {
    super();
  }

  override async introspect(request: IntrospectionRequest): Promise<IntrospectionResponse> {
    const scope = request.scopes?.join(' ');
    const answer = await this.call(request.token);
    if (answer === undefined) {
      return envelope('INTERNAL_SERVER_ERROR', challenge('server_error', 'introspection failed'));
    }
    if (answer.active !== true) {
      return envelope(
        'UNAUTHORIZED',
        challenge('invalid_token', 'The access token is not active', scope),
      );
    }
    if (answer.cnf !== undefined) {
      return envelope(
        'UNAUTHORIZED',
        challenge('invalid_token', 'A sender-constrained token needs local introspection', scope),
        answer,
      );
    }
    const granted = new Set(answer.scope?.split(' '));
    const audiences = Array.isArray(answer.aud) ? answer.aud : answer.aud ? [answer.aud] : [];
    const missingScope = (request.scopes ?? []).some((name) => !granted.has(name));
    const missingResource = (request.resources ?? []).some((uri) => !audiences.includes(uri));
    if (missingScope || missingResource) {
      return envelope(
        'FORBIDDEN',
        challenge('insufficient_scope', 'The access token does not cover this resource', scope),
        answer,
      );
    }
    return envelope('OK', 'Bearer error="invalid_request"', answer);
  }

  private async call(token: string): Promise<StandardAnswer | undefined> {
    const basic = Buffer.from(
      `${encodeURIComponent(this.remote.clientId)}:${encodeURIComponent(this.remote.clientSecret)}`,
    ).toString('base64');
    try {
      const response = await fetch(this.remote.url, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
        signal: AbortSignal.timeout(this.remote.timeoutMs ?? 5000),
      });
      if (response.status !== 200) return undefined;
      return (await response.json()) as StandardAnswer;
    } catch {
      return undefined;
    }
  }
}
