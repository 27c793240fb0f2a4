import { failAuthorization } from '../flows/authorization/authorization-fail';
import { issueAuthorization } from '../flows/authorization/authorization-issue';
import { processAuthorization } from '../flows/authorization/process-authorization';
import { introspect } from '../flows/introspection/introspection';
import { standardIntrospect } from '../flows/introspection/standard-introspection';
import { pushAuthorizationRequest } from '../flows/par/pushed-authorization';
import { revoke } from '../flows/revocation/revocation';
import { serviceConfiguration, serviceJwks } from '../flows/service/discovery';
import { createToken } from '../flows/token/token-create';
import { failToken } from '../flows/token/token-fail';
import { issueToken } from '../flows/token/token-issue';
import { processToken } from '../flows/token/process-token';
import { issueUserInfo } from '../flows/userinfo/userinfo-issue';
import { processUserInfo } from '../flows/userinfo/userinfo';
import { backchannelLogoutToken } from '../flows/logout/backchannel-logout-token';
import { getClient } from '../flows/registration/client-get';
import {
  deleteRegisteredClient,
  getRegisteredClient,
  registerClient,
  updateRegisteredClient,
} from '../flows/registration/client-registration';
import type { ApiDefinition } from './api-route';

/**
 * Every Authlete v3 API the engine serves (issue 3 item 3; authlete-api.md §4–§8), with the
 * prefix of its result codes and how it reports a malformed call (BAD_REQUEST with an RFC 6749
 * error body, with an RFC 6750 challenge, or bare).
 */
export const API_DEFINITIONS: readonly ApiDefinition[] = [
  {
    method: 'GET',
    path: '/service/configuration',
    apiCode: '021',
    callerErrorStyle: 'none',
    handle: serviceConfiguration,
  },
  {
    method: 'POST',
    path: '/service/configuration',
    apiCode: '021',
    callerErrorStyle: 'none',
    handle: serviceConfiguration,
  },
  {
    method: 'GET',
    path: '/service/jwks/get',
    apiCode: '022',
    callerErrorStyle: 'none',
    handle: serviceJwks,
  },
  {
    method: 'POST',
    path: '/auth/authorization',
    apiCode: '004',
    callerErrorStyle: 'json',
    handle: processAuthorization,
  },
  {
    method: 'POST',
    path: '/auth/authorization/issue',
    apiCode: '040',
    callerErrorStyle: 'json',
    handle: issueAuthorization,
  },
  {
    method: 'POST',
    path: '/auth/authorization/fail',
    apiCode: '041',
    callerErrorStyle: 'json',
    handle: failAuthorization,
  },
  {
    method: 'POST',
    path: '/auth/token',
    apiCode: '051',
    callerErrorStyle: 'json',
    handle: processToken,
  },
  {
    method: 'POST',
    path: '/auth/token/issue',
    apiCode: '054',
    callerErrorStyle: 'json',
    handle: issueToken,
  },
  {
    method: 'POST',
    path: '/auth/token/fail',
    apiCode: '067',
    callerErrorStyle: 'json',
    handle: failToken,
  },
  {
    method: 'POST',
    path: '/auth/token/create',
    apiCode: '109',
    callerErrorStyle: 'none',
    handle: createToken,
  },
  {
    method: 'POST',
    path: '/auth/introspection',
    apiCode: '056',
    callerErrorStyle: 'challenge',
    handle: introspect,
  },
  {
    method: 'POST',
    path: '/auth/introspection/standard',
    apiCode: '145',
    callerErrorStyle: 'json',
    handle: standardIntrospect,
  },
  {
    method: 'POST',
    path: '/auth/userinfo',
    apiCode: '091',
    callerErrorStyle: 'challenge',
    handle: processUserInfo,
  },
  {
    method: 'POST',
    path: '/auth/userinfo/issue',
    apiCode: '096',
    callerErrorStyle: 'challenge',
    handle: issueUserInfo,
  },
  {
    method: 'POST',
    path: '/auth/revocation',
    apiCode: '113',
    callerErrorStyle: 'json',
    handle: revoke,
  },
  {
    method: 'POST',
    path: '/pushed_auth_req',
    apiCode: '245',
    callerErrorStyle: 'json',
    handle: pushAuthorizationRequest,
  },
  {
    method: 'POST',
    path: '/client/registration',
    apiCode: '202',
    callerErrorStyle: 'none',
    handle: registerClient,
  },
  {
    method: 'POST',
    path: '/client/registration/get',
    apiCode: '217',
    callerErrorStyle: 'none',
    handle: getRegisteredClient,
  },
  {
    method: 'POST',
    path: '/client/registration/update',
    apiCode: '213',
    callerErrorStyle: 'none',
    handle: updateRegisteredClient,
  },
  {
    method: 'POST',
    path: '/client/registration/delete',
    apiCode: '216',
    callerErrorStyle: 'none',
    handle: deleteRegisteredClient,
  },
  {
    method: 'GET',
    path: '/client/get/:clientId',
    apiCode: '018',
    callerErrorStyle: 'none',
    handle: getClient,
  },
  {
    method: 'POST',
    path: '/backchannel/logout/token',
    apiCode: '274',
    callerErrorStyle: 'none',
    handle: backchannelLogoutToken,
  },
];
