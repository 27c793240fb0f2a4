/** One request a {@link Browser} sends: never follows redirects itself. */
export interface BrowserRequest {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** What a {@link Browser} needs of a response. */
export interface BrowserResponse {
  status: number;
  /** The first value of a response header, by lower-case name. */
  header(name: string): string | undefined;
  /** Every `Set-Cookie` line (RFC 6265 §4.1). */
  setCookies: string[];
  text(): Promise<string>;
}

/**
 * How a {@link Browser} talks HTTP. Tests use {@link fetchTransport}; the benchmark plugs in a
 * keep-alive undici pool so the same page logic drives load runs.
 */
export type BrowserTransport = (url: URL, request: BrowserRequest) => Promise<BrowserResponse>;

/** The default transport: global `fetch` with `redirect: 'manual'`. */
export const fetchTransport: BrowserTransport = async (url, request) => {
  const response = await fetch(url, { ...request, redirect: 'manual' });
  return {
    status: response.status,
    header: (name) => response.headers.get(name) ?? undefined,
    setCookies: response.headers.getSetCookie(),
    text: () => response.text(),
  };
};
