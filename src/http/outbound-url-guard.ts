import { promises as dns, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { outboundConfig, type OutboundConfig } from '../config/outbound.config';
import { isLoopbackAddress, isNonPublicAddress } from '../common/private-address';

/** The error code of a call refused by {@link OutboundUrlGuard.lookup}. */
export const OUTBOUND_REFUSED = 'EOUTBOUNDREFUSED';

/** Resolves a host name to every address (node:dns `lookup` with `all`). */
export type HostResolver = (hostname: string) => Promise<LookupAddress[]>;

const resolveAll: HostResolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

/**
 * The server-side request forgery guard for URLs clients register and this server calls (OWASP
 * SSRF Prevention; Back-Channel Logout 1.0 §2.5 via `backchannel_logout_uri`): http(s) only,
 * https when `OUTBOUND_HTTPS_REQUIRED`, no credentials in the URL, and no loopback, private or
 * link-local address unless `OUTBOUND_PRIVATE_HOSTS_ALLOWED` admits the host. Registration
 * checks the URL and what its name resolves to now; the call checks the address it connects to
 * ({@link lookup}), so a name re-pointed after registration (DNS rebinding) is refused too.
 */
@Injectable()
export class OutboundUrlGuard {
  private resolver: HostResolver = resolveAll;

  constructor(@Inject(outboundConfig.KEY) private readonly config: OutboundConfig) {}

  /** Replaces the resolver (tests). */
  useResolver(resolver: HostResolver): void {
    this.resolver = resolver;
  }

  /** Why `uri` may not be called, judged from the URL alone; undefined when it may. */
  refusal(uri: string): string | undefined {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      return 'is not an absolute URL';
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an https URL';
    if (url.protocol === 'http:' && this.config.httpsRequired) return 'must be an https URL';
    if (url.username !== '' || url.password !== '') return 'must not carry credentials';
    const host = hostOf(url);
    if (isIP(host) !== 0 && isNonPublicAddress(host) && !this.admits(host, host)) {
      return 'names a loopback, private or link-local address';
    }
    if (isLocalhostName(host) && !this.admits(host, '127.0.0.1')) {
      return 'names a loopback address';
    }
    return undefined;
  }

  /**
   * {@link refusal}, then the addresses the host name resolves to now; a name that does not
   * resolve is left to the check at call time.
   */
  async refusalResolved(uri: string): Promise<string | undefined> {
    const refused = this.refusal(uri);
    if (refused !== undefined) return refused;
    const host = hostOf(new URL(uri));
    if (isIP(host) !== 0) return undefined;
    let addresses: LookupAddress[];
    try {
      addresses = await this.resolver(host);
    } catch {
      return undefined;
    }
    const blocked = addresses.some(
      (entry) => isNonPublicAddress(entry.address) && !this.admits(host, entry.address),
    );
    return blocked ? 'resolves to a loopback, private or link-local address' : undefined;
  }

  /**
   * The `lookup` of an outbound HTTP call: resolves the name and fails with
   * {@link OUTBOUND_REFUSED} when an address is not admitted, so the socket only ever connects to
   * a checked address.
   */
  readonly lookup = async (hostname: string): Promise<LookupAddress[]> => {
    const host = hostname.toLowerCase();
    const addresses = await this.resolver(host);
    const blocked = addresses.find(
      (entry) => isNonPublicAddress(entry.address) && !this.admits(host, entry.address),
    );
    if (blocked !== undefined || addresses.length === 0) {
      const error = new Error(`${host} resolves to an address this server may not call`);
      Object.assign(error, { code: OUTBOUND_REFUSED });
      throw error;
    }
    return addresses;
  };

  private admits(host: string, address: string): boolean {
    const allowed = this.config.privateHosts;
    if (allowed.includes('*') || allowed.includes(host) || allowed.includes(address)) return true;
    return allowed.includes('loopback') && isLoopbackAddress(address);
  }
}
