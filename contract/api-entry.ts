/** The HTTP methods of the Authlete API (authlete-api.md §1.2). */
export type AuthleteHttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * How an API answers a well-formed call: an `action` envelope (the runtime APIs, authlete-api.md
 * §1.5), or a bare JSON document (`/service/configuration`, `/service/jwks/get`, §11.14).
 */
export type AuthleteAnswerKind = 'action' | 'document';

/**
 * The request and response types of one API. Compile-time only: the value behind an entry's
 * `io` member is never read at run time; `RequestOf`/`ResponseOf` read its type.
 */
export interface AuthleteIo<Request extends object, Response extends object> {
  readonly request: Request;
  readonly response: Response;
}

/** Declares the request and response types of a catalogue entry (see {@link AuthleteIo}). */
export function io<Request extends object, Response extends object>(): AuthleteIo<
  Request,
  Response
> {
  return undefined as unknown as AuthleteIo<Request, Response>;
}

/** One Authlete API: everything both the service and the engine need to know about it. */
export interface AuthleteApiEntry {
  /**
   * The path after `/api/{serviceId}/` (V3) or `/api/` (V2), e.g. `auth/token`. A `{name}`
   * segment is filled from the request member of that name, which is then not sent otherwise.
   * The path also names the API in logs, metrics labels and breakers.
   */
  readonly path: string;
  readonly method: AuthleteHttpMethod;
  readonly answer: AuthleteAnswerKind;
  /**
   * True only for reads without side effects, which may be sent again after a failure
   * (RFC 9110 §9.2.2); an API that issues, consumes or revokes anything is sent at most once.
   */
  readonly retryable: boolean;
  readonly io: AuthleteIo<object, object>;
}
