/**
 * How long a sign-in must wait after failures (Keycloak's brute-force model: a wait that grows
 * with failures, never a hard lock; OWASP Authentication Cheat Sheet "account lockout"). The
 * first `freeFailures` cost nothing; each further one doubles the wait from `baseSeconds` up to
 * `maxSeconds`.
 */
export interface DelayCurve {
  readonly freeFailures: number;
  readonly baseSeconds: number;
  readonly maxSeconds: number;
}

/** The wait in seconds that `failures` earn on a curve (0 while they are free). */
export function delaySeconds(curve: DelayCurve, failures: number): number {
  const beyond = failures - curve.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(curve.maxSeconds, curve.baseSeconds * 2 ** Math.min(beyond - 1, 30));
}
