import { failAuthorization } from '../flows/authorization/authorization-fail';
import { issueAuthorization } from '../flows/authorization/authorization-issue';
import { processAuthorization } from '../flows/authorization/process-authorization';
import { reissueIdToken } from '../flows/idtoken/id-token-reissue';
import { introspect } from '../flows/introspection/introspection';
import { standardIntrospect } from '../flows/introspection/standard-introspection';
import { nativeSso } from '../flows/nativesso/native-sso';
import { nativeSsoLogout } from '../flows/nativesso/native-sso-logout';
import { pushAuthorizationRequest } from '../flows/par/pushed-authorization';
import { revoke } from '../flows/revocation/revocation';
import { serviceConfiguration, serviceJwks } from '../flows/service/discovery';
import { createToken } from '../flows/token/token-create';
import { failToken } from '../flows/token/token-fail';
import { issueToken } from '../flows/token/token-issue';
import { processToken } from '../flows/token/process-token';
import { issueUserInfo } from '../flows/userinfo/userinfo-issue';
import { processUserInfo } from '../flows/userinfo/userinfo';
import { grantManagement } from '../flows/grant-management/grant-management';
import { backchannelLogoutToken } from '../flows/logout/backchannel-logout-token';
import { getClient } from '../flows/registration/client-get';
import {
  deleteRegisteredClient,
  getRegisteredClient,
  registerClient,
  updateRegisteredClient,
} from '../flows/registration/client-registration';
import { createCredentialOffer } from '../flows/vci/offer-create';
import { credentialOfferInfo } from '../flows/vci/offer-info';
import { credentialNonce } from '../flows/vci/credential-nonce';
import {
  credentialIssuerJwks,
  credentialIssuerMetadata,
  credentialJwtIssuerMetadata,
} from '../flows/vci/vci-documents';
import { parseSingleCredential } from '../flows/vci/credential-single-parse';
import { issueSingleCredential } from '../flows/vci/credential-single-issue';
import { parseDeferredCredential } from '../flows/vci/credential-deferred-parse';
import { issueDeferredCredential } from '../flows/vci/credential-deferred-issue';
import { authorizeDevice } from '../flows/device/device-authorization';
import { completeDevice } from '../flows/device/device-complete';
import { verifyDevice } from '../flows/device/device-verification';
import { authenticateBackchannel } from '../flows/ciba/backchannel-authentication';
import { completeBackchannel } from '../flows/ciba/backchannel-complete';
import { failBackchannel } from '../flows/ciba/backchannel-fail';
import { issueBackchannel } from '../flows/ciba/backchannel-issue';
import type { EngineRoutes } from './api-route';

/**
 * The engine's handler of every API of the catalogue (contract/catalogue.ts; authlete-api.md
 * §4–§8), with the prefix of its result codes and how it reports a malformed call (BAD_REQUEST
 * with an RFC 6749 error body, with an RFC 6750 challenge, or bare). Paths and methods come from
 * the catalogue.
 */
export const ENGINE_ROUTES: EngineRoutes = {
  authorization: { apiCode: '004', callerErrorStyle: 'json', handle: processAuthorization },
  authorizationIssue: { apiCode: '040', callerErrorStyle: 'json', handle: issueAuthorization },
  authorizationFail: { apiCode: '041', callerErrorStyle: 'json', handle: failAuthorization },
  token: { apiCode: '051', callerErrorStyle: 'json', handle: processToken },
  tokenIssue: { apiCode: '054', callerErrorStyle: 'json', handle: issueToken },
  tokenFail: { apiCode: '067', callerErrorStyle: 'json', handle: failToken },
  tokenCreate: { apiCode: '109', callerErrorStyle: 'none', handle: createToken },
  introspection: { apiCode: '056', callerErrorStyle: 'challenge', handle: introspect },
  standardIntrospection: { apiCode: '145', callerErrorStyle: 'json', handle: standardIntrospect },
  userinfo: { apiCode: '091', callerErrorStyle: 'challenge', handle: processUserInfo },
  userinfoIssue: { apiCode: '096', callerErrorStyle: 'challenge', handle: issueUserInfo },
  revocation: { apiCode: '113', callerErrorStyle: 'json', handle: revoke },
  pushedAuthReq: { apiCode: '245', callerErrorStyle: 'json', handle: pushAuthorizationRequest },
  serviceConfiguration: {
    apiCode: '021',
    callerErrorStyle: 'none',
    // Authlete also answers POST with a JSON body ({"pretty": true}).
    alsoAccepts: ['POST'],
    handle: serviceConfiguration,
  },
  serviceJwks: { apiCode: '022', callerErrorStyle: 'none', handle: serviceJwks },
  // OpenID for Verifiable Credential Issuance 1.0 (the engine's own 3xx result-code prefixes).
  credentialIssuerMetadata: {
    apiCode: '320',
    callerErrorStyle: 'none',
    handle: credentialIssuerMetadata,
  },
  credentialJwtIssuerMetadata: {
    apiCode: '321',
    callerErrorStyle: 'none',
    handle: credentialJwtIssuerMetadata,
  },
  credentialIssuerJwks: { apiCode: '322', callerErrorStyle: 'none', handle: credentialIssuerJwks },
  credentialOfferCreate: {
    apiCode: '323',
    callerErrorStyle: 'caller',
    handle: createCredentialOffer,
  },
  credentialOfferInfo: { apiCode: '324', callerErrorStyle: 'caller', handle: credentialOfferInfo },
  credentialNonce: { apiCode: '325', callerErrorStyle: 'none', handle: credentialNonce },
  credentialSingleParse: { apiCode: '326', callerErrorStyle: 'vci', handle: parseSingleCredential },
  credentialSingleIssue: {
    apiCode: '327',
    callerErrorStyle: 'caller',
    handle: issueSingleCredential,
  },
  credentialDeferredParse: {
    apiCode: '328',
    callerErrorStyle: 'vci',
    handle: parseDeferredCredential,
  },
  credentialDeferredIssue: {
    apiCode: '329',
    callerErrorStyle: 'caller',
    handle: issueDeferredCredential,
  },
  clientRegistration: { apiCode: '202', callerErrorStyle: 'none', handle: registerClient },
  clientRegistrationGet: { apiCode: '217', callerErrorStyle: 'none', handle: getRegisteredClient },
  clientRegistrationUpdate: {
    apiCode: '213',
    callerErrorStyle: 'none',
    handle: updateRegisteredClient,
  },
  clientRegistrationDelete: {
    apiCode: '216',
    callerErrorStyle: 'none',
    handle: deleteRegisteredClient,
  },
  clientGet: { apiCode: '018', callerErrorStyle: 'none', handle: getClient },
  backchannelLogoutToken: {
    apiCode: '274',
    callerErrorStyle: 'none',
    handle: backchannelLogoutToken,
  },
  grantManagement: { apiCode: '292', callerErrorStyle: 'none', handle: grantManagement },
  idTokenReissue: { apiCode: '311', callerErrorStyle: 'caller', handle: reissueIdToken },
  nativeSso: { apiCode: '501', callerErrorStyle: 'caller', handle: nativeSso },
  nativeSsoLogout: { apiCode: '503', callerErrorStyle: 'caller', handle: nativeSsoLogout },
  deviceAuthorization: { apiCode: '222', callerErrorStyle: 'json', handle: authorizeDevice },
  deviceVerification: { apiCode: '223', callerErrorStyle: 'none', handle: verifyDevice },
  deviceComplete: { apiCode: '224', callerErrorStyle: 'none', handle: completeDevice },
  backchannelAuthentication: {
    apiCode: '180',
    callerErrorStyle: 'json',
    handle: authenticateBackchannel,
  },
  backchannelAuthenticationIssue: {
    apiCode: '181',
    callerErrorStyle: 'none',
    handle: issueBackchannel,
  },
  backchannelAuthenticationFail: {
    apiCode: '182',
    callerErrorStyle: 'json',
    handle: failBackchannel,
  },
  backchannelAuthenticationComplete: {
    apiCode: '183',
    callerErrorStyle: 'none',
    handle: completeBackchannel,
  },
};
