import type { Client } from '../../model/client';
import type { ClientAuthMethod } from '../../model/enums';
import type { FormParams } from '../../protocol/form-params';
import { result, type Result } from '../../protocol/result';
import { secretMatches } from '../../protocol/secrets';
import type { EngineContext } from '../../context/engine-context';
import {
  JWT_BEARER_ASSERTION_TYPE,
  previewAssertion,
  verifyClientAssertion,
} from './client-assertion';

/** Credentials as the service forwards them (authlete-api.md §7.1). */
export interface ClientCredentials {
  params: FormParams;
  /** From the Basic header (client_secret_basic). */
  clientId?: string;
  clientSecret?: string;
  /** The URL of the endpoint being called, accepted as a client assertion audience. */
  endpointUrl: string;
  /** Three-digit prefix of the calling API's result codes. */
  apiCode: string;
}

/** The authenticated client, or why authentication failed. */
export type ClientAuthOutcome =
  | { ok: true; client: Client; method: ClientAuthMethod; clientIdAliasUsed: boolean }
  | { ok: false; error: 'invalid_client' | 'invalid_request'; result: Result };

type Presented = {
  method: ClientAuthMethod;
  identifier?: string;
  secret?: string;
  symmetric?: boolean;
};

function presentedMethod(credentials: ClientCredentials): Presented | 'multiple' | 'bad_assertion' {
  const { params } = credentials;
  const assertion = params.get('client_assertion');
  const candidates: Presented[] = [];
  if (credentials.clientId !== undefined) {
    candidates.push({
      method: 'CLIENT_SECRET_BASIC',
      identifier: credentials.clientId,
      secret: credentials.clientSecret ?? '',
    });
  }
  if (assertion !== undefined || params.has('client_assertion_type')) {
    const preview = assertion === undefined ? undefined : previewAssertion(assertion);
    if (
      preview === undefined ||
      params.get('client_assertion_type') !== JWT_BEARER_ASSERTION_TYPE
    ) {
      return 'bad_assertion';
    }
    candidates.push({
      method: preview.symmetric ? 'CLIENT_SECRET_JWT' : 'PRIVATE_KEY_JWT',
      identifier: params.get('client_id') ?? preview.issuer,
      symmetric: preview.symmetric,
    });
  }
  if (params.has('client_secret')) {
    candidates.push({
      method: 'CLIENT_SECRET_POST',
      identifier: params.get('client_id'),
      secret: params.get('client_secret'),
    });
  }
  if (candidates.length > 1) return 'multiple';
  return candidates[0] ?? { method: 'NONE', identifier: params.get('client_id') };
}

/**
 * Client authentication at the token, revocation and PAR APIs (RFC 6749 §2.3, RFC 7523,
 * authlete-api.md §7.1): client_secret_basic, client_secret_post, client_secret_jwt,
 * private_key_jwt and none, each only if both the client and the service allow it. Secrets are
 * compared in constant time.
 */
export async function authenticateClient(
  context: EngineContext,
  credentials: ClientCredentials,
): Promise<ClientAuthOutcome> {
  const code = (suffix: string): string => `A${credentials.apiCode}${suffix}`;
  const invalidClient = (suffix: string, text: string): ClientAuthOutcome => ({
    ok: false,
    error: 'invalid_client',
    result: result(code(suffix), text),
  });
  const presented = presentedMethod(credentials);
  if (presented === 'multiple') {
    return {
      ok: false,
      error: 'invalid_request',
      result: result(code('306'), 'The client used more than one authentication method.'),
    };
  }
  if (presented === 'bad_assertion') {
    return invalidClient('304', 'The client assertion or its type is malformed.');
  }
  if (presented.identifier === undefined) {
    return invalidClient('301', 'The request does not identify the client.');
  }
  const client = context.clients.find(presented.identifier);
  if (client === undefined) {
    return invalidClient('301', `No client has the client ID '${presented.identifier}'.`);
  }
  const paramClientId = credentials.params.get('client_id');
  if (paramClientId !== undefined && context.clients.find(paramClientId) !== client) {
    return {
      ok: false,
      error: 'invalid_request',
      result: result(
        code('307'),
        "The 'client_id' parameter does not match the authenticated client.",
      ),
    };
  }
  const { method } = presented;
  if (!client.allowedAuthMethods.has(method) || !context.service.tokenAuthMethods.has(method)) {
    return invalidClient(
      '302',
      `The client authentication method '${method}' is not allowed for the client.`,
    );
  }
  if (method === 'CLIENT_SECRET_BASIC' || method === 'CLIENT_SECRET_POST') {
    if (
      client.secretDigest === undefined ||
      !secretMatches(presented.secret ?? '', client.secretDigest)
    ) {
      return invalidClient('303', 'The client secret is wrong.');
    }
  }
  if (method === 'CLIENT_SECRET_JWT' || method === 'PRIVATE_KEY_JWT') {
    const assertion = credentials.params.get('client_assertion') ?? '';
    const problem = await verifyClientAssertion(
      context,
      client,
      assertion,
      presented.symmetric === true,
      credentials.endpointUrl,
    );
    if (problem !== undefined) {
      return invalidClient(
        problem.includes('replay') ? '305' : '304',
        `Client authentication failed: ${problem}.`,
      );
    }
  }
  return {
    ok: true,
    client,
    method,
    clientIdAliasUsed: presented.identifier === client.clientIdAlias,
  };
}
