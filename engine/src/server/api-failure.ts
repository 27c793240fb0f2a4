import { ApiError } from '../api/api-error';
import { StoreFullError } from '../store/expiring-store';

/** What a thrown value may carry besides its message: an HTTP status (Fastify's own errors). */
interface StatusCarrier {
  statusCode?: number;
  message?: string;
}

/**
 * Maps anything an API call threw to its API-level error (authlete-api.md §1.3): an ApiError as
 * is; a full store → 503 A001102; an error carrying a 4xx status (an unreadable body) → that
 * status with A001204; anything else → 500 A001101.
 */
export function toApiError(error: unknown, apiPath: string): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StoreFullError) return ApiError.storeFull(apiPath, error.kind);
  const carrier = (typeof error === 'object' && error !== null ? error : {}) as StatusCarrier;
  const status = carrier.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const apiError = ApiError.malformedBody(apiPath, carrier.message ?? 'unreadable');
    return new ApiError(status, apiError.result);
  }
  return ApiError.serverError(apiPath);
}
