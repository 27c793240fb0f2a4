/**
 * Hand-written readers for the engine configuration. Every failure names the offending field
 * (issue 3 item 6: "a bad config stops start-up with a message naming the field").
 */

/** Thrown when config/engine.json is invalid; the message starts with the field path. */
export class EngineConfigError extends Error {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`Invalid engine configuration: ${field} ${problem}`);
    this.name = 'EngineConfigError';
  }
}

/** A JSON object being read field by field, remembering its path for error messages. */
export class ConfigObject {
  constructor(
    private readonly value: Record<string, unknown>,
    readonly path: string,
  ) {}

  static from(value: unknown, path: string): ConfigObject {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new EngineConfigError(path, 'must be an object');
    }
    return new ConfigObject(value as Record<string, unknown>, path);
  }

  fieldPath(name: string): string {
    return this.path === '' ? name : `${this.path}.${name}`;
  }

  raw(name: string): unknown {
    return this.value[name];
  }

  optionalString(name: string): string | undefined {
    const value = this.value[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value === '') {
      throw new EngineConfigError(this.fieldPath(name), 'must be a non-empty string');
    }
    return value;
  }

  string(name: string): string {
    const value = this.optionalString(name);
    if (value === undefined) throw new EngineConfigError(this.fieldPath(name), 'is required');
    return value;
  }

  optionalUrl(name: string): string | undefined {
    const value = this.optionalString(name);
    if (value !== undefined && !URL.canParse(value)) {
      throw new EngineConfigError(this.fieldPath(name), 'must be an absolute URL');
    }
    return value;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.value[name];
    if (value === undefined) return fallback;
    if (typeof value !== 'boolean') {
      throw new EngineConfigError(this.fieldPath(name), 'must be true or false');
    }
    return value;
  }

  /** A non-negative integer (durations in seconds, caps, ids). */
  integer(name: string, fallback?: number, minimum = 0): number {
    const value = this.value[name];
    if (value === undefined && fallback !== undefined) return fallback;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
      const required = value === undefined ? 'is required and ' : '';
      throw new EngineConfigError(
        this.fieldPath(name),
        `${required}must be an integer >= ${minimum}`,
      );
    }
    return value;
  }

  optionalStringArray(name: string): string[] | undefined {
    const value = this.value[name];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item === '')) {
      throw new EngineConfigError(this.fieldPath(name), 'must be an array of non-empty strings');
    }
    return value as string[];
  }

  stringArray(name: string, fallback?: string[]): string[] {
    const value = this.optionalStringArray(name) ?? fallback;
    if (value === undefined) throw new EngineConfigError(this.fieldPath(name), 'is required');
    return value;
  }

  /** Strings that must all belong to `allowed` (enum lists such as grant types). */
  enumArray<T extends string>(name: string, allowed: readonly T[], fallback?: T[]): T[] {
    const values = this.optionalStringArray(name) ?? fallback;
    if (values === undefined) throw new EngineConfigError(this.fieldPath(name), 'is required');
    values.forEach((item, index) => {
      if (!(allowed as readonly string[]).includes(item)) {
        throw new EngineConfigError(
          `${this.fieldPath(name)}[${index}]`,
          `must be one of ${allowed.join(', ')} (got "${item}")`,
        );
      }
    });
    return values as T[];
  }

  optionalEnum<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.optionalString(name);
    if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
      throw new EngineConfigError(
        this.fieldPath(name),
        `must be one of ${allowed.join(', ')} (got "${value}")`,
      );
    }
    return value as T | undefined;
  }

  enumValue<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const value = this.optionalEnum(name, allowed) ?? fallback;
    if (value === undefined) throw new EngineConfigError(this.fieldPath(name), 'is required');
    return value;
  }

  objectArray(name: string, fallback?: unknown[]): ConfigObject[] {
    const value = this.value[name] ?? fallback;
    if (!Array.isArray(value)) {
      throw new EngineConfigError(this.fieldPath(name), 'must be an array of objects');
    }
    return value.map((item, index) => ConfigObject.from(item, `${this.fieldPath(name)}[${index}]`));
  }

  optionalObject(name: string): ConfigObject | undefined {
    const value = this.value[name];
    return value === undefined ? undefined : ConfigObject.from(value, this.fieldPath(name));
  }
}
