import { AUTHLETE_APIS, type AuthleteApiName, type AuthleteHttpMethod } from '../../../contract';
import { ENGINE_ROUTES } from './api-definitions';
import type { EngineRoute } from './api-route';

/** One API as the in-process dispatcher finds it: its route and catalogue path. */
export interface TableEntry {
  route: EngineRoute<AuthleteApiName>;
  /** The catalogue path with a leading slash, e.g. `/client/get/{clientId}` (named in messages). */
  path: string;
}

/** A found API: the entry and the values of its `{name}` segments, URL-decoded. */
export interface TableMatch {
  entry: TableEntry;
  segments: Record<string, string>;
}

interface PatternEntry extends TableEntry {
  method: AuthleteHttpMethod;
  parts: readonly string[];
}

/**
 * The API table of the in-process dispatcher, built from the same catalogue (contract/catalogue.ts)
 * and ENGINE_ROUTES as the HTTP routes, so a route added there is served both ways: a Map lookup
 * for fixed paths, a scan of the few paths with `{name}` segments.
 */
export class ApiTable {
  private readonly fixed = new Map<string, TableEntry>();
  private readonly patterns: PatternEntry[] = [];

  constructor() {
    for (const name of Object.keys(AUTHLETE_APIS) as AuthleteApiName[]) {
      const catalogue = AUTHLETE_APIS[name];
      const route = ENGINE_ROUTES[name] as EngineRoute<AuthleteApiName>;
      const path = `/${catalogue.path}`;
      for (const method of [catalogue.method, ...(route.alsoAccepts ?? [])]) {
        if (path.includes('{')) {
          this.patterns.push({ route, path, method, parts: path.split('/') });
        } else {
          this.fixed.set(`${method} ${path}`, { route, path });
        }
      }
    }
  }

  /** The API answering `method` on `path` (after `/api/{serviceId}`), if any. */
  find(method: string, path: string): TableMatch | undefined {
    const entry = this.fixed.get(`${method} ${path}`);
    if (entry !== undefined) return { entry, segments: {} };
    const parts = path.split('/');
    for (const pattern of this.patterns) {
      if (pattern.method !== method || pattern.parts.length !== parts.length) continue;
      const segments = matchParts(pattern.parts, parts);
      if (segments !== undefined) return { entry: pattern, segments };
    }
    return undefined;
  }
}

function matchParts(
  pattern: readonly string[],
  parts: readonly string[],
): Record<string, string> | undefined {
  const segments: Record<string, string> = {};
  for (let index = 0; index < pattern.length; index += 1) {
    const expected = pattern[index] ?? '';
    const actual = parts[index] ?? '';
    if (expected.startsWith('{')) {
      if (actual === '') return undefined;
      segments[expected.slice(1, -1)] = safeDecode(actual);
    } else if (expected !== actual) {
      return undefined;
    }
  }
  return segments;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
