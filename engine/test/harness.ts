/**
 * Test harness: builds the engine from config/engine.json with an injectable clock and a
 * throw-away data directory, and calls its APIs through the in-process dispatcher.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { buildEngine, type BuiltEngine } from '../src/build-engine';
import type { EngineConfig } from '../src/config/engine-config';

export const CONFIG_PATH = join(__dirname, '..', '..', 'config', 'engine.json');
export const DEMO_JWT_PRIVATE_KEY = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'config', 'demo-jwt-client.private.jwk.json'), 'utf8'),
) as JWK;
export const ISSUER = 'http://localhost:8080';

/** The demo configuration, deep-copied so a test may change it. */
export function demoConfig(): EngineConfig {
  return JSON.parse(readFileSync(CONFIG_PATH, 'utf8')) as EngineConfig;
}

/** A response of an API call: HTTP status plus parsed JSON. */
export interface ApiResult {
  status: number;
  body: Record<string, unknown>;
  text: string;
  headers: Record<string, unknown>;
}

export class EngineHarness {
  private constructor(
    readonly built: BuiltEngine,
    private readonly dataDir: string,
    private readonly clock: { time: number },
  ) {}

  /** Builds an engine from the demo configuration, optionally changed by `mutate`. */
  static async create(mutate?: (config: EngineConfig) => void): Promise<EngineHarness> {
    const config = demoConfig();
    mutate?.(config);
    const dataDir = mkdtempSync(join(tmpdir(), 'engine-test-'));
    const clock = { time: Date.now() };
    const built = await buildEngine({
      config,
      dataDir,
      accessToken: 'test-service-token',
      now: () => clock.time,
    });
    return new EngineHarness(built, dataDir, clock);
  }

  /** The engine's current time in milliseconds. */
  get time(): number {
    return this.clock.time;
  }

  get serviceId(): string {
    return this.built.context.service.apiKey;
  }

  /** Moves the clock forward. */
  advance(seconds: number): void {
    this.clock.time += seconds * 1000;
  }

  async call(
    path: string,
    body?: unknown,
    options: { method?: 'GET' | 'POST'; token?: string | null; serviceId?: string } = {},
  ): Promise<ApiResult> {
    const headers: Record<string, string> = {};
    const token = options.token === undefined ? 'test-service-token' : options.token;
    if (token !== null) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Through the in-process dispatcher, as the service calls it; engine-dispatch.spec.ts checks
    // that the HTTP server answers the same.
    const answer = await this.built.dispatch({
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      url: `/api/${options.serviceId ?? this.serviceId}${path}`,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const response = { statusCode: answer.status, body: answer.body, headers: answer.headers };
    let parsed: Record<string, unknown> = {};
    try {
      parsed = JSON.parse(response.body) as Record<string, unknown>;
    } catch {
      parsed = {};
    }
    return {
      status: response.statusCode,
      body: parsed,
      text: response.body,
      headers: response.headers,
    };
  }

  async close(): Promise<void> {
    await this.built.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Parses the JSON inside `responseContent`. */
export function content(result: ApiResult): Record<string, unknown> {
  return JSON.parse(result.body.responseContent as string) as Record<string, unknown>;
}

/** The query or fragment parameters of a LOCATION responseContent. */
export function redirectParams(location: unknown): URLSearchParams {
  const url = new URL(location as string);
  return new URLSearchParams(url.hash !== '' ? url.hash.slice(1) : url.search);
}

/** An RFC 7636 verifier and its S256 challenge. */
export const PKCE_VERIFIER = 'dBjftJeZ4CVP-mJ92K9ur6KVLz8A1z3i7nhVw3Vb2Wk0123456789';
export const PKCE_CHALLENGE = 'GoSFV-EH8eE79MwCEtzGl55Va5aB99oyGNN4AJrBl_s';

/** Throws if any member anywhere in the value is null (authlete-api.md §1.4). */
export function findNulls(value: unknown, path = '$'): string[] {
  if (value === null) return [path];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findNulls(item, `${path}[${index}]`));
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => findNulls(item, `${path}.${key}`));
  }
  return [];
}
