import type {
  CredentialDeferredIssueAction,
  CredentialDocumentAction,
  CredentialOfferCreateAction,
  CredentialOfferInfoAction,
  CredentialParseAction,
  CredentialSingleIssueAction,
} from '../../authlete/types';
import type { ActionMap } from '../../http/action-map.types';

/**
 * `/vci/metadata`, `/vci/jwtissuer`, `/vci/jwks` and `/vci/nonce` action → HTTP (OID4VCI 1.0
 * §7.2, §12.2; SD-JWT VC §5): the document, 404 when Verifiable Credentials are disabled.
 */
export const VCI_DOCUMENT_ACTIONS: ActionMap<CredentialDocumentAction> = {
  OK: { status: 200, shape: 'json' },
  NOT_FOUND: { status: 404, shape: 'json' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
};

/**
 * `/vci/offer/create` action → HTTP for the offer administration endpoint (docs/vci.md): 201 with
 * the offer, 403 when Verifiable Credentials are disabled, 400 when Authlete refused the request
 * the administrator's input made (CALLER_ERROR), 500 when Authlete failed.
 */
export const VCI_OFFER_CREATE_ACTIONS: ActionMap<CredentialOfferCreateAction> = {
  CREATED: { status: 201, shape: 'json' },
  FORBIDDEN: { status: 403, shape: 'json' },
  CALLER_ERROR: { status: 400, shape: 'json' },
  AUTHLETE_ERROR: { status: 500, shape: 'json' },
};

/**
 * `/vci/offer/info` action → HTTP for the credential offer URI (OID4VCI 1.0 §4.1.3): the offer
 * JSON, 404 for an unknown or expired offer, 403 when Verifiable Credentials are disabled.
 */
export const VCI_OFFER_INFO_ACTIONS: ActionMap<CredentialOfferInfoAction> = {
  OK: { status: 200, shape: 'json' },
  FORBIDDEN: { status: 403, shape: 'json' },
  NOT_FOUND: { status: 404, shape: 'json' },
  CALLER_ERROR: { status: 500, shape: 'json' },
  AUTHLETE_ERROR: { status: 500, shape: 'json' },
};

const CREDENTIAL_RESPONSES = {
  OK: { status: 200, shape: 'json' },
  OK_JWT: { status: 200, shape: 'jwt' },
  ACCEPTED: { status: 202, shape: 'json' },
  ACCEPTED_JWT: { status: 202, shape: 'jwt' },
  BAD_REQUEST: { status: 400, shape: 'json' },
  UNAUTHORIZED: { status: 401, shape: 'challenge' },
  FORBIDDEN: { status: 403, shape: 'json' },
  INTERNAL_SERVER_ERROR: { status: 500, shape: 'json' },
  CALLER_ERROR: { status: 500, shape: 'json' },
} as const;

/**
 * `/vci/single/parse` + `/vci/single/issue` action → HTTP for the credential endpoint (OID4VCI
 * 1.0 §8.3): 200 with the credentials, 202 with a transaction id, the OID4VCI error JSON on 400,
 * an RFC 6750 §3 challenge on 401, 500 when Authlete failed or refused our call.
 */
export const VCI_CREDENTIAL_ACTIONS: ActionMap<
  CredentialParseAction | CredentialSingleIssueAction
> = CREDENTIAL_RESPONSES;

/**
 * `/vci/deferred/parse` + `/vci/deferred/issue` action → HTTP for the deferred credential
 * endpoint (OID4VCI 1.0 §9.2, §9.3), shaped like the credential endpoint.
 */
export const VCI_DEFERRED_ACTIONS: ActionMap<
  CredentialParseAction | CredentialDeferredIssueAction
> = CREDENTIAL_RESPONSES;
