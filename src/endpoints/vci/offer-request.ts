import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { CredentialOfferCreateRequest } from '../../authlete/types';
import type { VciConfig } from '../../config/vci.config';
import { OAuthError, invalidRequest } from '../../http/oauth.errors';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Only the administrator creates offers (an offer hands a user's credential to whoever redeems
 * it): `Authorization: Bearer <VCI_OFFER_ADMIN_TOKEN>`; without that variable, open in
 * development and closed in production.
 */
export function checkOfferAdmin(request: FastifyRequest, config: VciConfig): void {
  const expected = config.offerAdminToken;
  if (expected === undefined && !config.production) return;
  const match = /^bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  const presented = match?.[1];
  if (
    expected === undefined ||
    presented === undefined ||
    !timingSafeEqual(digest(presented), digest(expected))
  ) {
    throw new OAuthError(401, 'invalid_token', 'The offer administration token is required.', {
      'www-authenticate': 'Bearer realm="vci-offers"',
    });
  }
}

function isStringArray(value: unknown): value is string[] {
  return (
    Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')
  );
}

function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > 200) {
    throw invalidRequest(`'${name}' must be a non-empty string`);
  }
  return value;
}

/**
 * The administration request (docs/vci.md): `credential_configuration_ids`, the `subject` the
 * pre-authorized code is for, an optional `tx_code`, and which grants to include (pre-authorized
 * code by default; `authorization_code: true` adds the authorization code grant).
 */
export function offerCreateRequest(request: FastifyRequest): CredentialOfferCreateRequest {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('The request body must be a JSON object');
  }
  const fields = body as Record<string, unknown>;
  const ids = fields.credential_configuration_ids;
  if (!isStringArray(ids)) throw invalidRequest("'credential_configuration_ids' must list ids");
  const preAuthorized = fields.pre_authorized !== false;
  const subject = optionalString(fields, 'subject');
  if (preAuthorized && subject === undefined) {
    throw invalidRequest("'subject' is required for a pre-authorized code offer");
  }
  const txCode = optionalString(fields, 'tx_code');
  return {
    credentialConfigurationIds: ids,
    preAuthorizedCodeGrantIncluded: preAuthorized,
    authorizationCodeGrantIncluded: fields.authorization_code === true,
    issuerStateIncluded: fields.authorization_code === true,
    ...(subject === undefined ? {} : { subject }),
    ...(txCode === undefined
      ? {}
      : { txCode, txCodeInputMode: /^[0-9]+$/.test(txCode) ? 'numeric' : 'text' }),
  };
}
