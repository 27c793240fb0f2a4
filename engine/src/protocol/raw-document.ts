/**
 * A document served as-is instead of an action envelope: the discovery document and the JWK Set
 * (authlete-api.md §8.6, §8.7, §11.14).
 */
export class RawDocument {
  constructor(
    readonly body: string,
    readonly status = 200,
    readonly contentType = 'application/json;charset=UTF-8',
  ) {}
}
