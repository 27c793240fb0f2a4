/**
 * The Authlete request/response types and the catalogue-derived helpers (`RequestOf`,
 * `ResponseOf`, `ActionOf`), declared once in the shared contract (contract/).
 */
export type * from '../../../contract/types';
export type * from '../../../contract/api-types';
