/** Thrown by {@link sealJsonValue} for a value that would change on its way through JSON. */
export class NotJsonValueError extends TypeError {
  constructor(where: string, path: string, found: string) {
    super(`${where}: ${path} is ${found}, which JSON would not carry unchanged`);
    this.name = 'NotJsonValueError';
  }
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'object' || value === null) return typeof value;
  return `an instance of ${value.constructor?.name ?? 'an unknown class'}`;
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function seal(value: unknown, where: string, path: string, inObject: boolean): void {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return;
    case 'number':
      if (Number.isFinite(value)) return;
      throw new NotJsonValueError(where, path, describe(value));
    case 'undefined':
      // A member set to undefined is dropped by JSON, which the engine reads as absent; in an
      // array it would become null.
      if (inObject) return;
      throw new NotJsonValueError(where, path, 'undefined');
    case 'object':
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, index) => seal(item, where, `${path}[${index}]`, false));
      } else if (isPlainObject(value)) {
        for (const [name, member] of Object.entries(value)) {
          seal(member, where, `${path}.${name}`, true);
        }
      } else {
        throw new NotJsonValueError(where, path, describe(value));
      }
      Object.freeze(value);
      return;
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new NotJsonValueError(where, path, describe(value));
  }
}

/**
 * The test-time guard of the in-process engine's value hand-over (design.md §7): throws when
 * `value` holds anything JSON would drop or change (a Date, a Map, a class instance, NaN, a
 * function, undefined in an array), and freezes it deeply, so that a later change by either side
 * — which over HTTP could never reach the other — throws instead of silently passing. Not run in
 * production: there the value is handed over as it is.
 */
export function sealJsonValue(value: unknown, where: string): void {
  seal(value, where, '$', false);
}
