import { Pool } from 'undici';

/** A response read in full. */
export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const pools = new Map<string, Pool>();

function poolFor(origin: string): Pool {
  let pool = pools.get(origin);
  if (!pool) {
    pool = new Pool(origin, { connections: 64, headersTimeout: 10_000, bodyTimeout: 10_000 });
    pools.set(origin, pool);
  }
  return pool;
}

/** Sends one request over a keep-alive pool (no redirects followed) and reads the whole body. */
export async function send(
  url: string,
  method: 'GET' | 'POST',
  headers: Record<string, string> = {},
  body?: string,
): Promise<HttpAnswer> {
  const target = new URL(url);
  const answer = await poolFor(target.origin).request({
    path: `${target.pathname}${target.search}`,
    method,
    headers,
    body,
  });
  return {
    status: answer.statusCode,
    headers: answer.headers,
    body: await answer.body.text(),
  };
}

/** `Basic` header with form-URL-encoded credentials (RFC 6749 §2.3.1). */
export function basicAuth(id: string, secret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}

/** Headers of a form POST. */
export function formHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { 'content-type': 'application/x-www-form-urlencoded', ...extra };
}

/** Closes every pool this module opened. */
export async function closePools(): Promise<void> {
  await Promise.all([...pools.values()].map((pool) => pool.close()));
  pools.clear();
}
