/** The authorization endpoint's path (design.md §3). */
export const AUTHORIZATION_PATH = '/api/authorization';

/**
 * A same-origin link that sends the stored request to the authorization endpoint again, exactly as
 * the client sent it (a form-posted request works as a query too, OIDC Core §3.1.2.1). Undefined
 * for an empty request, which has nothing to start again.
 */
export function restartPathOf(rawParameters: string | undefined): string | undefined {
  if (rawParameters === undefined || rawParameters === '') return undefined;
  return `${AUTHORIZATION_PATH}?${rawParameters}`;
}
