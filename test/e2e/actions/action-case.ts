import type { FakeAuthlete } from '../../support/fake-authlete';

/** The HTTP request a case sends to the service. */
export interface CaseRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * The exact response a case expects. `null` means "the header must be absent"; `body` is the exact
 * text ('' for no body). Cache-Control and Pragma default to no-store / no-cache.
 */
export interface ExpectedResponse {
  readonly status: number;
  readonly contentType: string | null;
  readonly location: string | null;
  readonly wwwAuthenticate: string | null;
  readonly dpopNonce: string | null;
  readonly attestationChallenge: string | null;
  readonly body: string;
  readonly cacheControl?: string;
  readonly pragma?: string | null;
}

/** One row of an action table. */
export interface ActionCase {
  /** Human title, e.g. `BAD_REQUEST → 400 JSON`. */
  readonly title: string;
  /** The action-map entry this row exercises (checked against the exported map's keys). */
  readonly covers: string;
  readonly request: CaseRequest;
  /** Envelope bodies the fake answers, by API (`auth/token`, `auth/token/issue`, …). */
  readonly replies: Readonly<Record<string, object>>;
  readonly expected: ExpectedResponse;
  /** APIs the service must call, in order (defaults to the keys of `replies`). */
  readonly calls?: readonly string[];
  /** Members the service must send to an API (matched with toMatchObject), by API. */
  readonly sent?: Readonly<Record<string, object>>;
}

export const JSON_TYPE = 'application/json;charset=UTF-8';
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' } as const;

/** `Authorization: Basic` for an id and secret, form-URL-encoded first (RFC 6749 §2.3.1). */
export function basic(id: string, secret: string): string {
  const encode = (value: string): string => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`, 'utf8').toString('base64')}`;
}

/** The relay fields every fake envelope carries, so the table proves they are passed on. */
export function relay(action: string): { dpopNonce: string; attestationChallenge: string } {
  return { dpopNonce: `nonce-${action}`, attestationChallenge: `challenge-${action}` };
}

/** A JSON-shaped expectation: status, JSON content type, body, relayed headers. */
export function jsonResponse(
  status: number,
  body: string,
  relayedFrom: string | null,
  overrides: Partial<ExpectedResponse> = {},
): ExpectedResponse {
  return {
    status,
    contentType: JSON_TYPE,
    location: null,
    wwwAuthenticate: null,
    dpopNonce: relayedFrom === null ? null : `nonce-${relayedFrom}`,
    attestationChallenge: relayedFrom === null ? null : `challenge-${relayedFrom}`,
    body,
    ...overrides,
  };
}

/** Programs the fake with the case's replies, sends the request, and returns the response. */
export async function runCase(
  fake: FakeAuthlete,
  baseUrl: string,
  row: ActionCase,
): Promise<Response> {
  fake.reset();
  for (const [api, body] of Object.entries(row.replies)) fake.on(api, { body });
  return fetch(`${baseUrl}${row.request.path}`, {
    method: row.request.method,
    headers: row.request.headers,
    body: row.request.body,
    redirect: 'manual',
  });
}

/** Asserts every header and the body a case names. */
export async function expectResponse(res: Response, expected: ExpectedResponse): Promise<void> {
  const actual = {
    status: res.status,
    cacheControl: res.headers.get('cache-control'),
    pragma: res.headers.get('pragma'),
    contentType: res.headers.get('content-type'),
    location: res.headers.get('location'),
    wwwAuthenticate: res.headers.get('www-authenticate'),
    dpopNonce: res.headers.get('dpop-nonce'),
    attestationChallenge: res.headers.get('oauth-client-attestation-challenge'),
    body: await res.text(),
  };
  expect(actual).toEqual({
    status: expected.status,
    cacheControl: expected.cacheControl ?? 'no-store',
    pragma: expected.pragma === undefined ? 'no-cache' : expected.pragma,
    contentType: expected.contentType,
    location: expected.location,
    wwwAuthenticate: expected.wwwAuthenticate,
    dpopNonce: expected.dpopNonce,
    attestationChallenge: expected.attestationChallenge,
    body: expected.body,
  });
}

/** The APIs (after the service id) the fake saw, in order. */
export function apisCalled(fake: FakeAuthlete): string[] {
  return fake.calls.map((call) => /^\/api\/(?:\d+\/)?(.+)$/.exec(call.path)?.[1] ?? call.path);
}
