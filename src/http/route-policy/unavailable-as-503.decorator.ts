import { SetMetadata } from '@nestjs/common';

/** Metadata key of {@link UnavailableAs503}. */
export const UNAVAILABLE_AS_503 = 'oauth:unavailable-as-503';

/**
 * Declares that the route (method) or every route of the controller (class) answers 503
 * `temporarily_unavailable` with `Retry-After` when Authlete is unreachable, times out, sheds load
 * or its circuit breaker is open. Use it only where the specification allows that answer: the
 * authorization endpoint (RFC 6749 §4.1.2.1), revocation (RFC 7009 §2.2.1) and plain-HTTP
 * documents and probes (RFC 9110 §15.6.4). Routes without it answer 500 `server_error`, the only
 * server error RFC 6749 §5.2 defines for the token endpoint.
 */
export const UnavailableAs503 = () => SetMetadata(UNAVAILABLE_AS_503, true);
