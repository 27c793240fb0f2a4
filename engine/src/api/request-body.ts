import type { Property } from '../model/authorization-request';
import { CallerError } from './caller-error';

/**
 * The `properties` of a call without any: one frozen empty array shared by every stored token
 * instead of an empty array each (issue 16: bytes per token). Frozen, so a change throws.
 */
const NO_PROPERTIES: Property[] = Object.freeze([] as Property[]) as Property[];

/**
 * Typed access to the JSON body of an Authlete API call. Missing or mistyped members raise a
 * CallerError whose code is built from the API's three-digit prefix (authlete-api.md §10).
 */
export class RequestBody {
  private readonly fields: Record<string, unknown>;

  constructor(
    body: unknown,
    private readonly apiCode: string,
    private readonly path: string,
  ) {
    this.fields =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : {};
  }

  private invalid(field: string, expected: string): CallerError {
    return CallerError.invalid(this.apiCode, this.path, field, expected);
  }

  /** A string member; null and '' count as absent. */
  optionalString(field: string): string | undefined {
    const value = this.fields[field];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw this.invalid(field, 'a string');
    return value;
  }

  requiredString(field: string): string {
    const value = this.optionalString(field);
    if (value === undefined) throw CallerError.missing(this.apiCode, this.path, field);
    return value;
  }

  /** A string array member; null means absent (which differs from []: authlete-api.md §11.9). */
  optionalStringArray(field: string): string[] | undefined {
    const value = this.fields[field];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw this.invalid(field, 'an array of strings');
    }
    return value as string[];
  }

  /** A non-negative integer member (durations, times); 0 when absent. */
  integer(field: string): number {
    const value = this.fields[field];
    if (value === undefined || value === null) return 0;
    if (typeof value === 'string' && /^[0-9]+$/.test(value)) return Number(value);
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw this.invalid(field, 'a non-negative integer');
    }
    return value;
  }

  boolean(field: string): boolean {
    const value = this.fields[field];
    if (value === undefined || value === null) return false;
    if (typeof value !== 'boolean') throw this.invalid(field, 'true or false');
    return value;
  }

  /** A flag that may arrive as a boolean (JSON) or as 'true'/'false' (query string). */
  flag(field: string): boolean {
    const value = this.fields[field];
    return value === true || value === 'true';
  }

  /** A member holding a JSON object as a string (`claims`, authlete-api.md §9). */
  optionalJsonObject(field: string): Record<string, unknown> | undefined {
    const text = this.optionalString(field);
    if (text === undefined) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.invalid(field, 'a JSON object string');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw this.invalid(field, 'a JSON object string');
    }
    return parsed as Record<string, unknown>;
  }

  /** A required object member (e.g. `order` of `/vci/single/issue`), read the same way. */
  requiredObject(field: string): RequestBody {
    const value = this.fields[field];
    if (value === undefined || value === null) {
      throw CallerError.missing(this.apiCode, this.path, field);
    }
    if (typeof value !== 'object' || Array.isArray(value)) throw this.invalid(field, 'an object');
    return new RequestBody(value, this.apiCode, this.path);
  }

  /** `properties`: Authlete `Property[]` (authlete-api.md §2, §12). */
  properties(): Property[] {
    const value = this.fields.properties;
    if (value === undefined || value === null) return NO_PROPERTIES;
    if (!Array.isArray(value)) throw this.invalid('properties', 'an array of Property');
    return value.map((item: unknown) => {
      const entry = (typeof item === 'object' && item !== null ? item : {}) as Record<
        string,
        unknown
      >;
      if (typeof entry.key !== 'string' || entry.key === '' || typeof entry.value !== 'string') {
        throw this.invalid('properties', 'each Property needs a string key and value');
      }
      return { key: entry.key, value: entry.value, hidden: entry.hidden === true };
    });
  }
}
