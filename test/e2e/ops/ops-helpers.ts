/** Helpers shared by the operations tests (test/e2e/ops, test/integration/ops). */

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** HTTP Basic header of the demo web client (RFC 7617). */
export const CLIENT_BASIC = `Basic ${Buffer.from('demo-web:demo-web-secret').toString('base64')}`;

/** HTTP Basic header of the demo resource server allowed to introspect. */
export const RS_BASIC = `Basic ${Buffer.from('demo-rs:demo-rs-secret').toString('base64')}`;

/** Posts a form to the app. */
export function postForm(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { ...FORM, ...headers }, body });
}

/** Reads one sample of a Prometheus text exposition, or undefined when absent. */
export function sample(
  metrics: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of metrics.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const matches = Object.entries(labels).every(([key, value]) =>
      line.includes(`${key}="${value}"`),
    );
    if (!matches) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (!Number.isNaN(value)) return value;
  }
  return undefined;
}

/** Scrapes `/metrics`. */
export async function scrape(appUrl: string): Promise<string> {
  return (await fetch(`${appUrl}/metrics`)).text();
}

/** Waits `ms` milliseconds. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
