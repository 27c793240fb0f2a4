/**
 * The Authlete API contract shared by the service (src/) and the embedded engine (engine/): the
 * catalogue of APIs and their request/response types, named after the Authlete Java DTOs
 * (authlete-java-common). It imports neither side.
 */
export { AUTHLETE_APIS } from './catalogue';
export { io } from './api-entry';
export { SCOPE_CLAIMS } from './scope-claims';
export { ASYMMETRIC_JWS_ALGS } from './jose-algorithms';
export type {
  AuthleteAnswerKind,
  AuthleteApiEntry,
  AuthleteHttpMethod,
  AuthleteIo,
} from './api-entry';
export type * from './api-types';
export type * from './types';
export type { EngineDispatcher, EngineRequest, EngineResponse } from './engine-dispatch';
