import type { ResponseTarget } from '../../protocol/authorization-response';
import { result, type Result } from '../../protocol/result';

/**
 * An invalid authorization request. With a `target` the error is redirected to the client
 * (LOCATION/FORM); without one it is a BAD_REQUEST (authlete-api.md §4.1, §11.7).
 */
export interface AuthorizationProblem {
  error: string;
  result: Result;
  target?: ResponseTarget;
}

/** Builds a problem with a client-error code (category digit 3). */
export function problem(
  code: string,
  error: string,
  text: string,
  target?: ResponseTarget,
): AuthorizationProblem {
  return { error, result: result(code, text), target };
}
