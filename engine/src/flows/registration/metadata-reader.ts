import { MAX_URI_LENGTH, webUriProblem } from './uri-rules';

/** The RFC 7591 §3.2.2 error codes a registration or update can fail with. */
export type RegistrationErrorCode =
  'invalid_redirect_uri' | 'invalid_client_metadata' | 'invalid_software_statement';

/** Why a registration request was refused: the RFC 7591 error and a description. */
export class MetadataProblem extends Error {
  constructor(
    readonly error: RegistrationErrorCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'MetadataProblem';
  }
}

const MAX_ARRAY = 100;
const MAX_STRING = 2000;

/**
 * Typed, bounded access to the members of an RFC 7591 registration request. Every wrong type or
 * value raises a {@link MetadataProblem} (`invalid_client_metadata`) naming the member.
 */
export class MetadataReader {
  constructor(private readonly fields: Record<string, unknown>) {}

  /** Parses the `json` of a registration call; anything but a JSON object is refused. */
  static parse(json: string): MetadataReader {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      throw new MetadataProblem('invalid_client_metadata', 'The request body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new MetadataProblem(
        'invalid_client_metadata',
        'The request body is not a JSON object.',
      );
    }
    return new MetadataReader(parsed as Record<string, unknown>);
  }

  invalid(name: string, problem: string): MetadataProblem {
    return new MetadataProblem('invalid_client_metadata', `The value of '${name}' ${problem}.`);
  }

  has(name: string): boolean {
    const value = this.fields[name];
    return value !== undefined && value !== null;
  }

  raw(name: string): unknown {
    return this.fields[name];
  }

  /** Every member name, including language-tagged ones such as `client_name#ja`. */
  names(): string[] {
    return Object.keys(this.fields);
  }

  string(name: string): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STRING) {
      throw this.invalid(name, `must be a non-empty string of at most ${MAX_STRING} characters`);
    }
    return value;
  }

  stringArray(name: string): string[] | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (
      !Array.isArray(value) ||
      value.length > MAX_ARRAY ||
      value.some(
        (item) => typeof item !== 'string' || item.length === 0 || item.length > MAX_STRING,
      )
    ) {
      throw this.invalid(name, `must be an array of at most ${MAX_ARRAY} non-empty strings`);
    }
    return [...new Set(value as string[])];
  }

  boolean(name: string): boolean | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw this.invalid(name, 'must be true or false');
    return value;
  }

  nonNegativeInteger(name: string): number | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw this.invalid(name, 'must be a non-negative integer');
    }
    return value;
  }

  /** One of `allowed` (wire values), or undefined when absent. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.string(name);
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      throw this.invalid(name, `must be one of ${allowed.join(', ')}`);
    }
    return value as T | undefined;
  }

  /** An http(s) URI shown or contacted by the server (see {@link webUriProblem}). */
  webUri(name: string, noFragment = false): string | undefined {
    const value = this.string(name);
    if (value === undefined) return undefined;
    const problem =
      value.length > MAX_URI_LENGTH ? 'is too long' : webUriProblem(value, noFragment);
    if (problem !== undefined) throw this.invalid(name, problem);
    return value;
  }

  /** An array of http(s) URIs without fragments (e.g. `post_logout_redirect_uris`). */
  webUriArray(name: string): string[] | undefined {
    const values = this.stringArray(name);
    for (const value of values ?? []) {
      const problem = webUriProblem(value, true);
      if (problem !== undefined) throw this.invalid(name, `contains '${value}', which ${problem}`);
    }
    return values;
  }
}
