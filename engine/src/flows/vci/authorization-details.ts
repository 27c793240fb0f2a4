import type { AuthorizationDetail, VciSettings } from '../../model/vci';

const MAX_ELEMENTS = 10;

/** Why `authorization_details` was refused (RFC 9396 §5: `invalid_authorization_details`). */
export interface DetailsProblem {
  code: string;
  text: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads the `authorization_details` parameter (RFC 9396 §2): a JSON array of objects with a string
 * `type`. The engine serves one type, `openid_credential` (OID4VCI 1.0 §5.1.1), whose
 * `credential_configuration_id` must name a configuration of the issuer.
 */
export function readAuthorizationDetails(
  vci: VciSettings,
  raw: string | undefined,
): AuthorizationDetail[] | undefined | DetailsProblem {
  if (raw === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { code: 'A009320', text: "'authorization_details' is not JSON." };
  }
  if (!Array.isArray(parsed) || parsed.length === 0 || parsed.length > MAX_ELEMENTS) {
    return {
      code: 'A009320',
      text: "'authorization_details' must be an array of 1 to 10 objects.",
    };
  }
  const details: AuthorizationDetail[] = [];
  for (const element of parsed) {
    if (!isRecord(element) || element.type !== 'openid_credential' || !vci.enabled) {
      return {
        code: 'A009321',
        text: "Only authorization details of type 'openid_credential' are supported.",
      };
    }
    const id = element.credential_configuration_id;
    if (typeof id !== 'string' || !vci.configurations.has(id)) {
      return {
        code: 'A009322',
        text: "An 'openid_credential' element names an unknown credential configuration.",
      };
    }
    details.push({ type: 'openid_credential', credential_configuration_id: id });
  }
  return details;
}

/** Whether a read result is a refusal. */
export function isDetailsProblem(
  value: AuthorizationDetail[] | undefined | DetailsProblem,
): value is DetailsProblem {
  return value !== undefined && !Array.isArray(value);
}

/**
 * The details granted with the tokens (OID4VCI 1.0 §6.2): each `openid_credential` element gains
 * the `credential_identifiers` the wallet then names in its credential request.
 */
export function grantedDetails(
  details: AuthorizationDetail[] | undefined,
): AuthorizationDetail[] | undefined {
  return details?.map((detail) =>
    detail.type === 'openid_credential'
      ? { ...detail, credential_identifiers: [String(detail.credential_configuration_id)] }
      : detail,
  );
}
