/**
 * Parsed `application/x-www-form-urlencoded` parameters: the raw query string or form body the
 * service forwards in `parameters` (authlete-api.md §4.1, §6.1). Empty values count as absent
 * (RFC 6749 §3.1), and a parameter sent twice is reported so the caller can reject it.
 */
export class FormParams {
  private readonly values = new Map<string, string[]>();

  constructor(raw: string | URLSearchParams) {
    for (const [name, value] of typeof raw === 'string' ? new URLSearchParams(raw) : raw) {
      if (value === '') continue;
      const existing = this.values.get(name);
      if (existing === undefined) this.values.set(name, [value]);
      else existing.push(value);
    }
  }

  /** The single value of `name`, or undefined. Use `duplicated()` to detect repeats first. */
  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  /** Every value of a repeatable parameter such as `resource` (RFC 8707). */
  getAll(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Every parameter as name/value pairs, repeats included. */
  entries(): [string, string][] {
    return [...this.values].flatMap(([name, values]) =>
      values.map((value): [string, string] => [name, value]),
    );
  }

  /** The first of `names` that occurs more than once, if any. */
  duplicated(names: readonly string[]): string | undefined {
    return names.find((name) => (this.values.get(name)?.length ?? 0) > 1);
  }
}

/** Splits a space-delimited list (scope, prompt, ui_locales, acr_values), dropping empties. */
export function spaceList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return [...new Set(value.split(' ').filter((item) => item !== ''))];
}
