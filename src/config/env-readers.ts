/** Reads a string variable, treating blank as unset. */
export function readString(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** Reads an integer variable (already validated by the schema), or the fallback. */
export function readInt(name: string, fallback: number): number {
  const value = readString(name);
  return value === undefined ? fallback : Number.parseInt(value, 10);
}

/** Reads a boolean variable (`true`/`false`, `1`/`0`), or the fallback. */
export function readBool(name: string, fallback: boolean): boolean {
  const value = readString(name)?.toLowerCase();
  if (value === undefined) return fallback;
  return value === 'true' || value === '1';
}
