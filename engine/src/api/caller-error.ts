import { result, type Result } from '../protocol/result';

/**
 * The service's API call itself was wrong: a required member is missing or has the wrong type
 * (category digit 2, e.g. A004201 — authlete-api.md §10). Routes answer it with the API's
 * BAD_REQUEST action, never with a crash.
 */
export class CallerError extends Error {
  constructor(readonly result: Result) {
    super(result.text);
    this.name = 'CallerError';
  }

  /** `A{api}201`: a required member is missing. */
  static missing(apiCode: string, path: string, field: string): CallerError {
    return new CallerError(
      result(
        `A${apiCode}201`,
        `The request to ${path} does not contain the required '${field}' parameter.`,
      ),
    );
  }

  /** `A{api}202`: a member has the wrong type or an unusable value. */
  static invalid(apiCode: string, path: string, field: string, expected: string): CallerError {
    return new CallerError(
      result(
        `A${apiCode}202`,
        `The value of '${field}' in the request to ${path} is invalid: ${expected} is expected.`,
      ),
    );
  }
}
