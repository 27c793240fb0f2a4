import type { AUTHLETE_APIS } from './catalogue';

type Catalogue = typeof AUTHLETE_APIS;

/** The name of an API in the catalogue, e.g. `'token'`. */
export type AuthleteApiName = keyof Catalogue;

/** The catalogue entry of API `N`. */
export type AuthleteApiOf<N extends AuthleteApiName> = Catalogue[N];

/** The path of an API, e.g. `'auth/token'`: also its name in logs, metrics and breakers. */
export type AuthleteApiPath = Catalogue[AuthleteApiName]['path'];

/** The APIs answering with an `action` envelope. */
export type ActionApiName = {
  [N in AuthleteApiName]: Catalogue[N]['answer'] extends 'action' ? N : never;
}[AuthleteApiName];

/** The APIs answering with a bare JSON document. */
export type DocumentApiName = Exclude<AuthleteApiName, ActionApiName>;

/** The request type of API `N` (the JSON body, or the query of a GET). */
export type RequestOf<N extends AuthleteApiName> = Catalogue[N]['io']['request'];

/** The response type of API `N` on a 2xx answer. */
export type ResponseOf<N extends AuthleteApiName> = Catalogue[N]['io']['response'];

/** The union of the actions of API `N`. */
export type ActionOf<N extends ActionApiName> =
  ResponseOf<N> extends { action: infer A } ? A : never;
