/** Request values Authlete's response cannot tell apart, read from the raw request. */
export interface RawRequestValues {
  /** `max_age` as sent: `0` differs from absent, though Authlete reports both as `maxAge: 0`. */
  readonly maxAge?: number;
  readonly uiLocales: readonly string[];
}

function parseMaxAge(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,10}$/.test(value)) return Number(value);
  return undefined;
}

function payloadOf(requestObjectPayload: string | undefined): Record<string, unknown> {
  if (requestObjectPayload === undefined) return {};
  try {
    const parsed = JSON.parse(requestObjectPayload) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Reads `max_age` and `ui_locales` from the raw query or form (OIDC Core §3.1.2.1), with a request
 * object's values taking precedence (OIDC Core §6.1). Authlete reports an absent `max_age` and
 * `max_age=0` alike (`maxAge: 0`), and `max_age=0` must force a fresh login. A request
 * pushed with PAR (`request_uri`) is not visible here; its `max_age=0` counts as absent.
 */
export function readRawValues(raw: string, requestObjectPayload?: string): RawRequestValues {
  const params = new URLSearchParams(raw);
  const payload = payloadOf(requestObjectPayload);
  const maxAge = parseMaxAge(payload['max_age']) ?? parseMaxAge(params.get('max_age') ?? undefined);
  const locales =
    typeof payload['ui_locales'] === 'string' ? payload['ui_locales'] : params.get('ui_locales');
  return { maxAge, uiLocales: (locales ?? '').split(' ').filter((tag) => tag.length > 0) };
}
