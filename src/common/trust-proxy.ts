import proxyAddr from 'proxy-addr';

/** A compiled TRUST_PROXY setting: what Fastify accepts, and a predicate for peer addresses. */
export interface TrustProxy {
  /** Value for Fastify's `trustProxy` option (forwarded headers from these peers are believed). */
  readonly fastifyOption: boolean | string[];
  /** True when the direct peer is a trusted proxy. */
  trusts(address: string | undefined): boolean;
}

/**
 * Compiles `TRUST_PROXY`: `true` (every peer), `false`/unset (none), or a comma-separated list of
 * addresses, CIDRs or the names `loopback`, `linklocal`, `uniquelocal` (proxy-addr syntax).
 */
export function compileTrustProxy(setting: string): TrustProxy {
  const value = setting.trim().toLowerCase();
  if (value === 'true') return { fastifyOption: true, trusts: () => true };
  if (value === '' || value === 'false') return { fastifyOption: false, trusts: () => false };
  const list = setting
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const check = proxyAddr.compile(list);
  return {
    fastifyOption: list,
    trusts: (address) => address !== undefined && check(address, 0),
  };
}
