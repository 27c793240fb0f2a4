/** Metadata key of the scopes a route requires (`@RequireScopes`). */
export const REQUIRED_SCOPES = 'authlete:required-scopes';

/** The scopes the guard found on the route, handed to the strategy with the request. */
export const scopesSlot = new WeakMap<object, readonly string[]>();
