import type { EngineContext } from '../../context/engine-context';
import type { CredentialConfiguration } from '../../model/vci';
import type { AccessTokenRecord } from '../../store/records';
import { checkAccessToken } from '../introspection/access-token-check';
import type { RequestBody } from '../../api/request-body';
import type { CredentialParseResponse } from '../../../../contract';
import {
  credentialUnauthorized,
  problem,
  vciForbidden,
  type CredentialProblem,
} from './vci-errors';

/** What the credential request names: a configuration, or an identifier from the token. */
export interface CredentialTarget {
  configurationId?: string;
  credentialIdentifier?: string;
}

/** The access token's check for a credential API: valid, or why not. */
export type CredentialTokenCheck =
  { ok: true; record: AccessTokenRecord } | { ok: false; code: string; text: string };

/** Looks the access token up (RFC 6750 §3.1: a missing or expired one is `invalid_token`). */
export function credentialToken(
  context: EngineContext,
  token: string,
  apiCode: string,
): CredentialTokenCheck {
  const check = checkAccessToken(context, token, apiCode);
  if (check.state === 'valid') return { ok: true, record: check.record };
  return { ok: false, code: check.result.code, text: check.result.text };
}

function detailsOf(record: AccessTokenRecord): Record<string, unknown>[] {
  return (record.context.authorizationDetails ?? []).filter(
    (detail) => detail.type === 'openid_credential',
  );
}

function identifiersOf(detail: Record<string, unknown>): string[] {
  const identifiers = detail.credential_identifiers;
  return Array.isArray(identifiers)
    ? identifiers.filter((item): item is string => typeof item === 'string')
    : [];
}

/**
 * The configuration an access token lets the wallet obtain (OID4VCI 1.0 §8.2): a
 * `credential_identifier` from the token's `openid_credential` authorization details, or a
 * `credential_configuration_id` granted by those details or by the configuration's scope.
 */
export function authorizedConfiguration(
  context: EngineContext,
  record: AccessTokenRecord,
  target: CredentialTarget,
): CredentialConfiguration | CredentialProblem {
  const { configurations } = context.service.vci;
  const details = detailsOf(record);
  if (target.credentialIdentifier !== undefined) {
    const detail = details.find((each) =>
      identifiersOf(each).includes(target.credentialIdentifier as string),
    );
    const configuration =
      detail === undefined
        ? undefined
        : configurations.get(String(detail.credential_configuration_id));
    return (
      configuration ??
      problem('unknown_credential_identifier', 'A326304', 'The credential identifier is unknown.')
    );
  }
  const id = target.configurationId ?? '';
  const configuration = configurations.get(id);
  if (configuration === undefined) {
    return problem(
      'unknown_credential_configuration',
      'A326305',
      `The credential configuration '${id}' is not supported.`,
    );
  }
  const granted =
    details.some((detail) => detail.credential_configuration_id === id) ||
    (configuration.scope !== undefined && record.scopes.includes(configuration.scope));
  return granted
    ? configuration
    : problem(
        'invalid_credential_request',
        'A326306',
        `The access token does not authorize the credential configuration '${id}'.`,
      );
}

/** The members and token of a parse call, or the answer that ends it. */
export type ParseOpening =
  | { ok: true; accessToken: string; requestContent: string; record: AccessTokenRecord }
  | { ok: false; response: CredentialParseResponse };

/**
 * The opening both parse APIs share (OID4VCI 1.0 §8.2, §9.1): FORBIDDEN when Verifiable
 * Credentials are disabled, the required `accessToken` and `requestContent`, and UNAUTHORIZED for
 * a missing or expired token.
 */
export function openParseCall(
  context: EngineContext,
  body: RequestBody,
  apiCode: string,
): ParseOpening {
  if (!context.service.vci.enabled) return { ok: false, response: vciForbidden(apiCode) };
  const accessToken = body.requiredString('accessToken');
  const requestContent = body.requiredString('requestContent');
  const token = credentialToken(context, accessToken, apiCode);
  if (!token.ok) {
    return { ok: false, response: credentialUnauthorized(context.service, token.code, token.text) };
  }
  return { ok: true, accessToken, requestContent, record: token.record };
}
