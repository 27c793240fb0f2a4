import type { IntrospectionRequest, IntrospectionResponse } from '../authlete/types';

/**
 * Where the guard checks tokens: Authlete's `/auth/introspection` (authlete-api.md §8.1) through
 * this server's own connection, or this server's `/api/introspection` from a separate service.
 */
export abstract class TokenIntrospector {
  abstract introspect(request: IntrospectionRequest): Promise<IntrospectionResponse>;
}
