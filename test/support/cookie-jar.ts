/** What {@link CookieJar.store} reads cookies from. */
export type SetCookieSource = Response | string | string[] | undefined;

function setCookieLines(source: SetCookieSource): string[] {
  if (source === undefined) return [];
  if (typeof source === 'string') return [source];
  return Array.isArray(source) ? source : source.headers.getSetCookie();
}

function isExpired(attributes: string[]): boolean {
  return attributes.some((attribute) => {
    const equals = attribute.indexOf('=');
    const key = (equals < 0 ? attribute : attribute.slice(0, equals)).trim().toLowerCase();
    const value = equals < 0 ? '' : attribute.slice(equals + 1).trim();
    if (key === 'max-age') return Number(value) <= 0;
    return key === 'expires' && Date.parse(value) <= Date.now();
  });
}

/**
 * The cookies of one simulated browser against one server (RFC 6265 §5.2, reduced to what the app
 * sets: one host, path `/`): name → value, filled from `Set-Cookie` and sent back as `Cookie`.
 * An expired cookie (`Max-Age<=0`, `Expires` in the past) or an empty value deletes it. It is a
 * `Map`, so tests can read, copy or tamper with cookies. The one cookie jar of test/ and bench/.
 */
export class CookieJar extends Map<string, string> {
  /** Stores the cookies of a fetch `Response`, or of raw `Set-Cookie` header values. */
  store(source: SetCookieSource): void {
    for (const line of setCookieLines(source)) {
      const [pair = '', ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      if (value === '' || isExpired(attributes)) this.delete(name);
      else this.set(name, value);
    }
  }

  /** The `Cookie` header to send, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.size === 0) return undefined;
    return [...this].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
