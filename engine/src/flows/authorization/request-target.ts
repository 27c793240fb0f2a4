import type { Client } from '../../model/client';
import { responseTypeFromWire, type ResponseMode, type ResponseType } from '../../model/enums';
import type { FormParams } from '../../protocol/form-params';
import type { EngineContext } from '../../context/engine-context';
import { problem, type AuthorizationProblem } from './authorization-problem';
import { resolveRedirectUri } from './redirect-uri';

/** Who asked and where the answer goes: everything needed before errors can be redirected. */
export interface RequestTarget {
  client: Client;
  clientIdAliasUsed: boolean;
  /** Undefined when the value is not one the engine knows (reported as unsupported_response_type). */
  responseType: ResponseType | undefined;
  responseMode: ResponseMode;
  redirectUri: string;
  redirectUriGiven: boolean;
  state?: string;
}

const RESPONSE_MODES: readonly string[] = ['query', 'fragment', 'form_post'];
const SINGLE_VALUED_FRONT = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'state',
];

/**
 * Identifies the client and the redirect URI. Every failure here is a BAD_REQUEST, because no
 * trustworthy redirect URI is known yet (RFC 6749 §4.1.2.1, authlete-api.md §11.7).
 * @param authenticated the client already authenticated by PAR, if any.
 */
export function locateRequestTarget(
  context: EngineContext,
  params: FormParams,
  authenticated?: Client,
): { ok: true; target: RequestTarget } | { ok: false; problem: AuthorizationProblem } {
  const fail = (code: string, error: string, text: string) =>
    ({ ok: false, problem: problem(code, error, text) }) as const;
  const duplicated = params.duplicated(SINGLE_VALUED_FRONT);
  if (duplicated !== undefined) {
    return fail(
      'A009308',
      'invalid_request',
      `The '${duplicated}' parameter is included more than once.`,
    );
  }
  const clientIdentifier = params.get('client_id');
  if (clientIdentifier === undefined && authenticated === undefined) {
    return fail(
      'A008301',
      'invalid_request',
      "The authorization request does not contain 'client_id'.",
    );
  }
  const client = authenticated ?? context.clients.find(clientIdentifier ?? '');
  if (
    client === undefined ||
    (clientIdentifier !== undefined && context.clients.find(clientIdentifier) !== client)
  ) {
    return fail(
      'A008302',
      'invalid_request',
      `No client has the client ID '${clientIdentifier ?? ''}'.`,
    );
  }
  const requestedRedirect = params.get('redirect_uri');
  const resolution = resolveRedirectUri(
    client,
    requestedRedirect,
    context.service.loopbackRedirectionUriVariable,
  );
  if (!resolution.ok) {
    return resolution.reason === 'missing'
      ? fail(
          'A009302',
          'invalid_request',
          "The 'redirect_uri' parameter is required for this client.",
        )
      : fail(
          'A009303',
          'invalid_request',
          `The redirect URI '${requestedRedirect ?? ''}' is not registered.`,
        );
  }
  const scope = params.get('scope') ?? '';
  if (requestedRedirect === undefined && scope.split(' ').includes('openid')) {
    return fail(
      'A009320',
      'invalid_request',
      "An OpenID Connect request must contain 'redirect_uri'.",
    );
  }
  const rawResponseType = params.get('response_type');
  if (rawResponseType === undefined) {
    return fail(
      'A009301',
      'invalid_request',
      "The authorization request does not contain 'response_type'.",
    );
  }
  const responseType = responseTypeFromWire(rawResponseType);
  const defaultMode: ResponseMode = responseType === 'CODE' ? 'query' : 'fragment';
  const rawMode = params.get('response_mode');
  if (rawMode !== undefined && !RESPONSE_MODES.includes(rawMode)) {
    return fail('A009307', 'invalid_request', `The response mode '${rawMode}' is not supported.`);
  }
  return {
    ok: true,
    target: {
      client,
      clientIdAliasUsed: clientIdentifier === client.clientIdAlias,
      responseType,
      responseMode: (rawMode as ResponseMode | undefined) ?? defaultMode,
      redirectUri: resolution.redirectUri,
      redirectUriGiven: requestedRedirect !== undefined,
      state: params.get('state'),
    },
  };
}
