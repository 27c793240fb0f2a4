import { result, resultMessage, type Result } from '../protocol/result';

/** The API-level error body `{resultCode, resultMessage}` (authlete-api.md §1.3). */
export interface ApiErrorBody {
  resultCode: string;
  resultMessage: string;
}

/**
 * An API-level failure: the call itself was refused (bad credential, unknown path, malformed
 * body, full store). Answered with a non-2xx status, never with an action (authlete-api.md §1.3, §11.1).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly result: Result,
  ) {
    super(result.text);
    this.name = 'ApiError';
  }

  body(): ApiErrorBody {
    return { resultCode: this.result.code, resultMessage: resultMessage(this.result) };
  }

  static missingAuthorization(apiPath: string): ApiError {
    return new ApiError(401, result('A001202', `${apiPath}, Authorization header is missing.`));
  }

  static invalidAccessToken(apiPath: string): ApiError {
    return new ApiError(401, result('A001203', `${apiPath}, The access token is invalid.`));
  }

  static malformedBody(apiPath: string, detail: string): ApiError {
    return new ApiError(
      400,
      result('A001204', `${apiPath}, The request body is malformed: ${detail}`),
    );
  }

  static storeFull(apiPath: string, kind: string): ApiError {
    return new ApiError(
      503,
      result(
        'A001102',
        `${apiPath}, The engine holds its maximum number of ${kind}s; retry later.`,
      ),
    );
  }

  static serverError(apiPath: string): ApiError {
    return new ApiError(500, result('A001101', `${apiPath}, Authlete Server error.`));
  }
}

/** The 404 body Authlete gives for an unknown path or service id (authlete-api.md §1.3). */
export const NOT_FOUND_BODY: ApiErrorBody = { resultCode: '404', resultMessage: '' };
