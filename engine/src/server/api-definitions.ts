import { failAuthorization } from '../flows/authorization/authorization-fail';
import { issueAuthorization } from '../flows/authorization/authorization-issue';
import { processAuthorization } from '../flows/authorization/process-authorization';
import { serviceConfiguration, serviceJwks } from '../flows/service/discovery';
import type { ApiDefinition } from './api-route';

/** Every Authlete v3 API the engine serves (issue 3 item 3; authlete-api.md §4–§8). */
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
];
