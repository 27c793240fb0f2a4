import { SetMetadata } from '@nestjs/common';
import type { ActionMap } from './action-map.types';

/** Metadata key under which a route's action map is stored. */
export const AUTHLETE_ACTIONS = 'oauth:authlete-actions';

/**
 * Declares how the route's Authlete `action` becomes HTTP (design.md §5). Applied by
 * `AuthleteResponseInterceptor`; an action missing from the map is a logged 500.
 */
export const AuthleteActions = <A extends string>(map: ActionMap<A>): MethodDecorator =>
  SetMetadata(AUTHLETE_ACTIONS, map);
