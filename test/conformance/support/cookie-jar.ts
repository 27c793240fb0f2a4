/** A minimal per-origin cookie jar: enough for one browser session against one server. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Stores the cookies of a response (expired ones are removed). */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const equals = pair.indexOf('=');
      if (equals <= 0) continue;
      const name = pair.slice(0, equals).trim();
      const value = pair.slice(equals + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.split('=');
        const k = key.trim().toLowerCase();
        return (
          (k === 'max-age' && Number(val) <= 0) || (k === 'expires' && Date.parse(val) < Date.now())
        );
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The Cookie header value, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  /** Forgets every cookie (a fresh browser). */
  clear(): void {
    this.cookies.clear();
  }
}
