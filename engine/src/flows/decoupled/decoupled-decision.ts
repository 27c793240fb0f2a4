import { Grant } from '../../model/token-grant';
import type { RequestBody } from '../../api/request-body';
import type { AuthleteGrantType } from '../../model/enums';
import type { DecoupledRecord, DecoupledStatus } from '../../store/records';

/** The decision values `/device/complete` and `/backchannel/authentication/complete` accept. */
const RESULTS: readonly DecoupledStatus[] = ['AUTHORIZED', 'ACCESS_DENIED', 'TRANSACTION_FAILED'];

/** A decision read from a `/complete` call, or why it cannot be applied. */
export type DecisionInput =
  { ok: true; status: Exclude<DecoupledStatus, 'PENDING'> } | { ok: false; text: string };

/**
 * Reads `result` and, for AUTHORIZED, `subject` (Java `DeviceCompleteRequest`,
 * `BackchannelAuthenticationCompleteRequest`).
 */
export function readDecision(body: RequestBody): DecisionInput {
  const value = body.optionalString('result');
  const status = RESULTS.find((candidate) => candidate === value);
  if (status === undefined || status === 'PENDING') {
    return { ok: false, text: "'result' must be AUTHORIZED, ACCESS_DENIED or TRANSACTION_FAILED." };
  }
  if (status === 'AUTHORIZED') {
    const subject = body.optionalString('subject');
    if (subject === undefined || subject.length > 100 || !/^[\x21-\x7e]+$/.test(subject)) {
      return { ok: false, text: "'subject' (at most 100 printable ASCII characters) is required." };
    }
  }
  return { ok: true, status };
}

/**
 * Applies the user's decision to a pending record: on AUTHORIZED, the token context (subject,
 * `sub`, `authTime`, `acr`, `claims`, `properties`, `scopes` replacement, durations) the next poll
 * (or a push) mints from (RFC 8628 §3.5, CIBA Core §10).
 */
export function applyDecision(
  record: DecoupledRecord,
  body: RequestBody,
  status: Exclude<DecoupledStatus, 'PENDING'>,
  grantType: AuthleteGrantType,
): void {
  record.status = status;
  if (status !== 'AUTHORIZED') return;
  const replacement = body.optionalStringArray('scopes');
  record.grantedScopes =
    replacement === undefined
      ? record.scopes
      : [...new Set(replacement)].filter((name) => record.scopes.includes(name));
  record.accessTokenDuration = body.integer('accessTokenDuration');
  record.refreshTokenDuration = body.integer('refreshTokenDuration');
  record.jwtAtClaims = body.optionalJsonObject('jwtAtClaims');
  record.context = {
    client: record.client,
    clientIdAliasUsed: record.clientIdAliasUsed,
    grantType,
    subject: body.requiredString('subject'),
    sub: body.optionalString('sub'),
    authTime: body.integer('authTime'),
    acr: body.optionalString('acr'),
    claims: body.optionalJsonObject('claims'),
    consentedClaims: body.optionalStringArray('consentedClaims'),
    properties: body.properties(),
    maxAge: 0,
    resources: record.resources,
    grant: new Grant(),
  };
}
