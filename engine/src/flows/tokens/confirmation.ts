import type { TokenBinding } from '../../store/records';

/**
 * The `cnf` claim of a sender-constrained token (RFC 7800 §3.1): `jkt` for a DPoP key
 * (RFC 9449 §6.1), `x5t#S256` for a client certificate (RFC 8705 §3.1); undefined when unbound.
 */
export function confirmationClaim(
  binding: TokenBinding | undefined,
): Record<string, string> | undefined {
  const cnf: Record<string, string> = {};
  if (binding?.jkt !== undefined) cnf.jkt = binding.jkt;
  if (binding?.x5tS256 !== undefined) cnf['x5t#S256'] = binding.x5tS256;
  return Object.keys(cnf).length > 0 ? cnf : undefined;
}
