import type { EngineContext } from '../../context/engine-context';
import type { AuthorizationDetail } from '../../model/vci';
import type { CredentialOfferRecord } from '../../store/vci-records';
import type { DetailsProblem } from './authorization-details';

/** The offer an `issuer_state` names and the authorization details tied to it. */
export interface IssuerStateBinding {
  offer?: CredentialOfferRecord;
  details?: AuthorizationDetail[];
}

/** Why `issuer_state` or the details it constrains were refused, with the OAuth error. */
export interface IssuerStateProblem extends DetailsProblem {
  error: 'invalid_request' | 'invalid_authorization_details';
}

/** Longest `issuer_state` looked up (offers carry 43-character tokens). */
const MAX_ISSUER_STATE = 256;

/** The live offer with the authorization-code grant whose issuer state is `value`. */
function offerByIssuerState(
  context: EngineContext,
  value: string,
): CredentialOfferRecord | undefined {
  if (value.length > MAX_ISSUER_STATE) return undefined;
  const offers = context.stores.vci.offers;
  const match = offers
    .entries()
    .find(([, offer]) => offer.issuerStateIncluded && offer.issuerState === value);
  // get() applies the store's expiry, so an expired offer is not found.
  return match === undefined ? undefined : offers.get(match[0]);
}

/**
 * Applies the `issuer_state` authorization request parameter (OID4VCI 1.0 §5.1.3; Authlete
 * recognises it when Verifiable Credentials are enabled and reports the offer as the
 * `credentialOfferInfo` of `/auth/authorization`): it must name a live credential offer with the
 * authorization-code grant, else `invalid_request`. The authorization details are then tied to
 * the offer: `openid_credential` elements may only name the offer's credential configurations
 * (else `invalid_authorization_details`); without `authorization_details`, one element per
 * configuration of the offer is requested.
 */
export function bindIssuerState(
  context: EngineContext,
  raw: string | undefined,
  details: AuthorizationDetail[] | undefined,
): IssuerStateBinding | IssuerStateProblem {
  if (raw === undefined || !context.service.vci.enabled) return { details };
  const offer = raw === '' ? undefined : offerByIssuerState(context, raw);
  if (offer === undefined) {
    return {
      code: 'A009323',
      error: 'invalid_request',
      text: "The 'issuer_state' does not name a live credential offer.",
    };
  }
  const offered = offer.credentialConfigurationIds;
  if (details === undefined) {
    return {
      offer,
      details: offered.map((id) => ({
        type: 'openid_credential',
        credential_configuration_id: id,
      })),
    };
  }
  const inOffer = (detail: AuthorizationDetail): boolean => {
    const id = detail.credential_configuration_id;
    return typeof id === 'string' && offered.includes(id);
  };
  if (!details.every(inOffer)) {
    return {
      code: 'A009324',
      error: 'invalid_authorization_details',
      text: "An 'openid_credential' element names a configuration the credential offer does not.",
    };
  }
  return { offer, details };
}

/** Whether a binding result is a refusal. */
export function isIssuerStateProblem(
  value: IssuerStateBinding | IssuerStateProblem,
): value is IssuerStateProblem {
  return 'error' in value;
}
