/** Longer input cannot be a user code; it is refused without asking Authlete. */
const MAX_TYPED = 64;

/**
 * What a person typed as a user code, as Authlete issued it (RFC 8628 §6.1): case, spaces and
 * dashes ignored ("bcdf-ghjk" is "BCDFGHJK"). Undefined when it cannot be a code at all (empty,
 * too long, or other characters).
 */
export function normaliseUserCode(typed: string): string | undefined {
  if (typed.length > MAX_TYPED) return undefined;
  const code = typed.replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z0-9]{1,32}$/.test(code) ? code : undefined;
}

/** A user code grouped in fours for display ("BCDF-GHJK"), as RFC 8628 §6.1 suggests. */
export function displayUserCode(code: string): string {
  return (code.match(/.{1,4}/g) ?? [code]).join('-');
}
