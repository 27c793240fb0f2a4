import type { Client } from '../../model/client';
import type { ClientRegistrationAction, ClientRegistrationResponse } from '../../../../contract';
import { oauthErrorJson, result, type Result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { clientDto } from '../../views/client-dto';

/** Authlete `ClientRegistrationResponse.Action`. */
export type RegistrationAction = ClientRegistrationAction;

/** `registration_client_uri` (RFC 7592 §1.2): the management base plus the client id. */
export function registrationClientUri(context: EngineContext, client: Client): string {
  return `${context.service.endpoints.registrationManagement}/${encodeURIComponent(client.clientIdAlias)}`;
}

/**
 * The RFC 7591 §3.2.1 response body: client_id, client_secret (with client_secret_expires_at 0,
 * never expiring), client_id_issued_at, the registration access token (only when one was just
 * issued), registration_client_uri, then every registered metadata member.
 */
export function clientInformation(
  context: EngineContext,
  client: Client,
  registrationAccessToken?: string,
): string {
  const registration = client.registration;
  const body: Record<string, unknown> = { client_id: client.clientIdAlias };
  if (registration?.secret !== undefined) {
    body.client_secret = registration.secret;
    body.client_secret_expires_at = 0;
  }
  body.client_id_issued_at = registration?.issuedAt;
  if (registrationAccessToken !== undefined) {
    body.registration_access_token = registrationAccessToken;
  }
  body.registration_client_uri = registrationClientUri(context, client);
  return JSON.stringify({ ...body, ...registration?.metadata });
}

/** A successful answer: envelope, the RFC 7591 body and Authlete's `client`. */
export function registrationSuccess(
  context: EngineContext,
  action: 'CREATED' | 'OK' | 'UPDATED',
  value: Result,
  client: Client,
  registrationAccessToken?: string,
): ClientRegistrationResponse {
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: action,
    responseContent: clientInformation(context, client, registrationAccessToken),
    client: clientDto(client),
  };
}

/** A refused request: BAD_REQUEST or UNAUTHORIZED with an RFC 7591 §3.2.2 error body. */
export function registrationError(
  context: EngineContext,
  action: 'BAD_REQUEST' | 'UNAUTHORIZED' | 'INTERNAL_SERVER_ERROR',
  error: string,
  code: string,
  text: string,
): ClientRegistrationResponse {
  const value = result(code, text);
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: value.code,
    resultMessage: resultMessage(value),
    action: action,
    responseContent: oauthErrorJson(context.service, error, value),
  };
}
