import type { Service } from '../../model/service';
import { bearerChallenge, envelope, oauthErrorJson, result } from '../../protocol/result';

/** An OID4VCI 1.0 §8.3.1.2 / §9.3 error code of the credential and deferred endpoints. */
export type CredentialErrorCode =
  | 'invalid_credential_request'
  | 'unknown_credential_configuration'
  | 'unknown_credential_identifier'
  | 'invalid_proof'
  | 'invalid_nonce'
  | 'credential_request_denied'
  | 'invalid_transaction_id';

/** A refused credential request: the error code with its result code and text. */
export interface CredentialProblem {
  error: CredentialErrorCode;
  code: string;
  text: string;
}

/** Builds a {@link CredentialProblem}. */
export function problem(error: CredentialErrorCode, code: string, text: string): CredentialProblem {
  return { error, code, text };
}

/** BAD_REQUEST whose `responseContent` is the OID4VCI error body (§8.3.1.2). */
export function credentialBadRequest(
  service: Service,
  refused: CredentialProblem,
): { resultCode: string; resultMessage: string; action: 'BAD_REQUEST'; responseContent: string } {
  const value = result(refused.code, refused.text);
  return {
    ...envelope(value, 'BAD_REQUEST'),
    responseContent: oauthErrorJson(service, refused.error, value),
  };
}

/** UNAUTHORIZED whose `responseContent` is an RFC 6750 §3 `invalid_token` challenge. */
export function credentialUnauthorized(
  service: Service,
  code: string,
  text: string,
): { resultCode: string; resultMessage: string; action: 'UNAUTHORIZED'; responseContent: string } {
  const value = result(code, text);
  return {
    ...envelope(value, 'UNAUTHORIZED'),
    responseContent: bearerChallenge(service, 'invalid_token', value),
  };
}

/** FORBIDDEN: the service has not enabled Verifiable Credentials (`A{api}301`). */
export function vciForbidden(apiCode: string): {
  resultCode: string;
  resultMessage: string;
  action: 'FORBIDDEN';
} {
  return envelope(
    result(`A${apiCode}301`, 'The feature of Verifiable Credentials is not enabled.'),
    'FORBIDDEN',
  );
}
