/** Header bag of an Authlete answer (lower-cased names). */
type HeaderBag = Record<string, unknown>;

/**
 * Reads how long to wait from `Retry-After` (RFC 9110 §10.2.3: delta-seconds or an HTTP date) or,
 * failing that, `RateLimit-Reset` (draft-ietf-httpapi-ratelimit-headers: delta-seconds).
 */
export function parseRetryAfter(headers: HeaderBag, now = Date.now()): number | undefined {
  const retryAfter = headers['retry-after'];
  if (typeof retryAfter === 'string' && retryAfter.trim() !== '') {
    if (/^\d+$/.test(retryAfter.trim())) return Number(retryAfter.trim());
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) return Math.max(0, Math.ceil((date - now) / 1000));
  }
  const reset = headers['ratelimit-reset'] ?? headers['x-ratelimit-reset'];
  if (typeof reset === 'string' && /^\d+$/.test(reset.trim())) return Number(reset.trim());
  return undefined;
}
