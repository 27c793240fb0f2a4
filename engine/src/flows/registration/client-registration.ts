import { CallerError } from '../../api/caller-error';
import type { ClientRegistrationResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import type { Client } from '../../model/client';
import { envelope, result, resultMessage } from '../../protocol/result';
import { randomToken, secretMatches, sha256 } from '../../protocol/secrets';
import { nowSeconds, type EngineContext } from '../../context/engine-context';
import { StoreFullError } from '../../store/expiring-store';
import { readClientMetadata, type ClientMetadataInput } from './client-metadata';
import { MetadataProblem } from './metadata-reader';
import { newClientId, newClientSecret, registeredClient } from './registered-client';
import { registrationError, registrationSuccess } from './registration-response';

type Answer = ClientRegistrationResponse;

/** A malformed call from the service is INTERNAL_SERVER_ERROR for this API family. */
function guarded(run: () => Answer): Answer {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof CallerError)) throw error;
    return {
      // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
      resultCode: error.result.code,
      resultMessage: resultMessage(error.result),
      action: 'INTERNAL_SERVER_ERROR',
      responseContent: JSON.stringify({
        error: 'server_error',
        error_description: `[${error.result.code}] ${error.result.text}`,
      }),
    };
  }
}

function readMetadata(
  context: EngineContext,
  json: string,
  code: string,
): ClientMetadataInput | Answer {
  try {
    return readClientMetadata(json, context.service);
  } catch (error) {
    if (!(error instanceof MetadataProblem)) throw error;
    return registrationError(context, 'BAD_REQUEST', error.error, code, error.description);
  }
}

function isAnswer(value: ClientMetadataInput | Answer): value is Answer {
  return 'action' in value;
}

/**
 * `POST /client/registration` (RFC 7591 §3, authlete-api.md §8.9): validates the metadata and
 * creates a client with a fresh id, secret (confidential clients) and registration access token.
 */
export function registerClient(context: EngineContext, body: RequestBody): Answer {
  return guarded(() => {
    const json = body.requiredString('json');
    if (!context.service.dynamicRegistrationSupported) {
      return registrationError(
        context,
        'BAD_REQUEST',
        'invalid_request',
        'A202301',
        'Dynamic client registration is not supported by the service.',
      );
    }
    const input = readMetadata(context, json, 'A202302');
    if (isAnswer(input)) return input;
    if (context.clients.dynamicCount() >= context.service.caps.dynamicClients) {
      throw new StoreFullError('dynamically registered client');
    }
    const token = randomToken();
    const now = context.now();
    const client = registeredClient(
      context.service,
      input,
      {
        clientId: newClientId(context),
        secret: newClientSecret(input.tokenAuthMethod),
        accessTokenDigest: sha256(token),
        issuedAt: nowSeconds(context),
        createdAt: now,
      },
      now,
    );
    context.clients.add(client);
    const created = result('A202001', `A client (ID = ${client.clientId}) has been registered.`);
    return registrationSuccess(context, 'CREATED', created, client, token);
  });
}

/** The client a registration access token manages, or the UNAUTHORIZED (or BAD_REQUEST) answer. */
function authorize(context: EngineContext, body: RequestBody, apiCode: string): Client | Answer {
  const clientId = body.requiredString('clientId');
  const token = body.optionalString('token');
  const client = context.clients.find(clientId);
  if (
    client?.registration === undefined ||
    token === undefined ||
    !secretMatches(token, client.registration.accessTokenDigest)
  ) {
    const action = context.service.unauthorizedOnClientConfigSupported
      ? 'UNAUTHORIZED'
      : 'BAD_REQUEST';
    return registrationError(
      context,
      action,
      'invalid_token',
      `A${apiCode}301`,
      'The registration access token is invalid, or the client does not exist.',
    );
  }
  return client;
}

function isClient(value: Client | Answer): value is Client {
  return 'clientIdAlias' in value;
}

/** `POST /client/registration/get` (RFC 7592 §2.1): the client's current registration. */
export function getRegisteredClient(context: EngineContext, body: RequestBody): Answer {
  return guarded(() => {
    const client = authorize(context, body, '217');
    if (!isClient(client)) return client;
    return registrationSuccess(
      context,
      'OK',
      result('A217001', `The client (ID = ${client.clientId}) has been read.`),
      client,
    );
  });
}

/** Members a client must not send in an RFC 7592 §2.2 update. */
const SERVER_OWNED = [
  'registration_access_token',
  'registration_client_uri',
  'client_secret_expires_at',
  'client_id_issued_at',
];

function updateProblem(client: Client, json: string): string | undefined {
  let fields: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      fields = parsed as Record<string, unknown>;
    }
  } catch {
    return undefined;
  }
  const owned = SERVER_OWNED.find((name) => fields[name] !== undefined);
  if (owned !== undefined) return `The update request must not include '${owned}' (RFC 7592 §2.2).`;
  if (fields.client_id !== undefined && fields.client_id !== client.clientIdAlias) {
    return "The 'client_id' does not match the client being updated.";
  }
  const secret = fields.client_secret;
  if (secret !== undefined && secret !== client.registration?.secret) {
    return "The 'client_secret' does not match the client's secret.";
  }
  return undefined;
}

/** `POST /client/registration/update` (RFC 7592 §2.2): replaces the client's metadata. */
export function updateRegisteredClient(context: EngineContext, body: RequestBody): Answer {
  return guarded(() => {
    const json = body.requiredString('json');
    const current = authorize(context, body, '213');
    if (!isClient(current)) return current;
    const problem = updateProblem(current, json);
    if (problem !== undefined) {
      return registrationError(
        context,
        'BAD_REQUEST',
        'invalid_client_metadata',
        'A213302',
        problem,
      );
    }
    const input = readMetadata(context, json, 'A213303');
    if (isAnswer(input)) return input;
    const registration = current.registration!;
    const keepsSecret = newClientSecret(input.tokenAuthMethod) !== undefined;
    const client = registeredClient(
      context.service,
      input,
      {
        clientId: current.clientId,
        secret: keepsSecret ? (registration.secret ?? randomToken()) : undefined,
        accessTokenDigest: registration.accessTokenDigest,
        issuedAt: registration.issuedAt,
        createdAt: registration.createdAt,
      },
      context.now(),
    );
    context.clients.add(client);
    return registrationSuccess(
      context,
      'UPDATED',
      result('A213001', `The client (ID = ${client.clientId}) has been updated.`),
      client,
    );
  });
}

/**
 * `POST /client/registration/delete` (RFC 7592 §2.3): removes the client and every token, code and
 * grant issued to it (Authlete deletes a client's tokens with the client); DELETED has no content.
 */
export function deleteRegisteredClient(context: EngineContext, body: RequestBody): Answer {
  return guarded(() => {
    const client = authorize(context, body, '216');
    if (!isClient(client)) return client;
    context.clients.remove(client);
    context.stores.revokeClient(client.clientId);
    return envelope(
      result('A216001', `The client (ID = ${client.clientId}) has been deleted.`),
      'DELETED',
    );
  });
}
