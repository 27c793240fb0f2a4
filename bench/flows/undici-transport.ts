import type { BrowserTransport } from '../../test/support/browser-transport';
import { send } from '../lib/http-client';

/**
 * The shared test {@link BrowserTransport} over the bench's keep-alive undici pools, so load runs
 * drive the server's pages with the same logic as the tests without fetch's per-request cost.
 */
export const undiciTransport: BrowserTransport = async (url, request) => {
  const answer = await send(url.href, request.method, request.headers, request.body);
  const first = (name: string): string | undefined => {
    const value = answer.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const cookies = answer.headers['set-cookie'];
  return {
    status: answer.status,
    header: first,
    setCookies: cookies === undefined ? [] : Array.isArray(cookies) ? cookies : [cookies],
    text: () => Promise.resolve(answer.body),
  };
};
