import type { RequestBody } from '../../api/request-body';
import { RawDocument } from '../../protocol/raw-document';
import type { EngineContext } from '../../context/engine-context';
import { grantTypeToWire } from '../../model/enums';
import { DPOP_SIGNING_ALGS } from '../../protocol/dpop-proof';

const SIGNING_ALGS = ['RS256', 'PS256', 'ES256'];

function lower(values: Iterable<string>): string[] {
  return [...values].map((value) => value.toLowerCase());
}

function wireResponseType(value: string): string {
  return value.toLowerCase().replace('code_id_token', 'code id_token');
}

/** The OpenID Provider / RFC 8414 metadata derived from the service configuration. */
export function discoveryDocument(context: EngineContext): Record<string, unknown> {
  const { service } = context;
  const { endpoints } = service;
  const authMethods = lower(service.tokenAuthMethods);
  const plainAllowed = !service.pkceS256Required;
  return {
    issuer: service.issuer,
    authorization_endpoint: endpoints.authorization,
    token_endpoint: endpoints.token,
    userinfo_endpoint: endpoints.userInfo,
    jwks_uri: endpoints.jwks,
    scopes_supported: [...service.scopes.keys()],
    response_types_supported: [...service.responseTypes].map(wireResponseType),
    response_modes_supported: ['query', 'fragment', 'form_post'],
    grant_types_supported: [...service.grantTypes].map(grantTypeToWire),
    acr_values_supported: service.supportedAcrs,
    subject_types_supported: ['public', 'pairwise'],
    id_token_signing_alg_values_supported: SIGNING_ALGS,
    userinfo_signing_alg_values_supported: SIGNING_ALGS,
    token_endpoint_auth_methods_supported: authMethods,
    token_endpoint_auth_signing_alg_values_supported: [...SIGNING_ALGS, 'HS256'],
    display_values_supported: ['page', 'popup', 'touch', 'wap'],
    claim_types_supported: ['normal'],
    claims_supported: service.supportedClaims,
    claims_locales_supported: service.supportedClaimLocales,
    ui_locales_supported: service.supportedUiLocales,
    claims_parameter_supported: true,
    // Request objects are accepted inside pushed requests (RFC 9126 §3) but not at the
    // authorization endpoint, which answers request_not_supported (OIDC Core §6.1).
    request_parameter_supported: false,
    request_object_signing_alg_values_supported: SIGNING_ALGS,
    request_uri_parameter_supported: false,
    prompt_values_supported: ['none', 'login', 'consent', 'select_account'],
    revocation_endpoint: endpoints.revocation,
    revocation_endpoint_auth_methods_supported: authMethods,
    introspection_endpoint: endpoints.introspection,
    introspection_signing_alg_values_supported: SIGNING_ALGS,
    code_challenge_methods_supported: plainAllowed ? ['plain', 'S256'] : ['S256'],
    pushed_authorization_request_endpoint: endpoints.pushedAuthReq,
    require_pushed_authorization_requests: false,
    authorization_response_iss_parameter_supported: !service.issSuppressed,
    end_session_endpoint: endpoints.endSession,
    dpop_signing_alg_values_supported: DPOP_SIGNING_ALGS,
    tls_client_certificate_bound_access_tokens: true,
    ...lifecycleMetadata(context),
    ...credentialIssuanceMetadata(context),
    ...decoupledMetadata(context),
  };
}

/**
 * With Verifiable Credentials enabled: the RFC 9396 §10 `authorization_details_types_supported`
 * (`openid_credential`) and OID4VCI 1.0 §12.3 `pre-authorized_grant_anonymous_access_supported`
 * (the engine wants a client id with the pre-authorized code).
 */
function credentialIssuanceMetadata(context: EngineContext): Record<string, unknown> {
  if (!context.service.vci.enabled) return {};
  return {
    authorization_details_types_supported: ['openid_credential'],
    'pre-authorized_grant_anonymous_access_supported': false,
  };
}

/**
 * RFC 8628 §4 `device_authorization_endpoint` and CIBA Core §4 metadata, from the service
 * settings: advertised only when the service supports the grant.
 */
function decoupledMetadata(context: EngineContext): Record<string, unknown> {
  const { service } = context;
  const ciba = service.grantTypes.has('CIBA') && service.ciba.deliveryModes.size > 0;
  return {
    device_authorization_endpoint: service.grantTypes.has('DEVICE_CODE')
      ? service.endpoints.deviceAuthorization
      : undefined,
    backchannel_authentication_endpoint: ciba
      ? service.endpoints.backchannelAuthentication
      : undefined,
    backchannel_token_delivery_modes_supported: ciba
      ? lower(service.ciba.deliveryModes)
      : undefined,
    backchannel_user_code_parameter_supported: ciba
      ? service.ciba.userCodeParameterSupported
      : undefined,
  };
}

/**
 * Registration (RFC 8414 §2 `registration_endpoint`), back-channel logout (Back-Channel Logout
 * 1.0 §2.1) and grant management (FAPI Grant Management §7) metadata, when the service has them.
 */
function lifecycleMetadata(context: EngineContext): Record<string, unknown> {
  const { service } = context;
  return {
    registration_endpoint: service.dynamicRegistrationSupported
      ? service.endpoints.registration
      : undefined,
    backchannel_logout_supported: service.backchannelLogoutSupported,
    backchannel_logout_session_supported: service.backchannelLogoutSessionSupported,
    grant_management_actions_supported: ['create', 'query', 'replace', 'revoke', 'merge'],
    grant_management_action_required: service.grantManagementActionRequired,
    grant_management_endpoint: service.endpoints.grantManagement,
  };
}

function pretty(body: RequestBody): boolean {
  return body.flag('pretty');
}

/**
 * `GET|POST /service/configuration` (authlete-api.md §8.6): the raw discovery JSON, no envelope.
 */
export function serviceConfiguration(context: EngineContext, body: RequestBody): RawDocument {
  return new RawDocument(
    JSON.stringify(discoveryDocument(context), null, pretty(body) ? 2 : undefined),
  );
}

/**
 * `GET /service/jwks/get` (authlete-api.md §8.7): the public JWK Set of the service. Private
 * members are never served, whatever `includePrivateKeys` says.
 */
export function serviceJwks(context: EngineContext, body: RequestBody): RawDocument {
  return new RawDocument(
    JSON.stringify(context.keys.publicJwkSet(), null, pretty(body) ? 2 : undefined),
  );
}
