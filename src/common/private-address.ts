import { BlockList, isIP } from 'node:net';

/**
 * Addresses a server must not be made to call on a client's behalf (OWASP SSRF prevention):
 * "this host" and loopback, RFC 1918 / RFC 4193 private networks, RFC 3927 / RFC 4291 link-local
 * (cloud metadata at 169.254.169.254), RFC 6598 shared space, RFC 2544 benchmarking, multicast
 * and reserved ranges.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}
const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`), else the address. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match?.[1] ?? address;
}

function check(list: BlockList, address: string): boolean {
  const plain = unmapped(address.replace(/^\[|\]$/g, ''));
  const family = isIP(plain);
  if (family === 0) return false;
  return list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
}

/** Whether `address` (an IP literal) is a loopback address (127.0.0.0/8, `::1`). */
export function isLoopbackAddress(address: string): boolean {
  return check(LOOPBACK, address);
}

/**
 * Whether `address` (an IP literal, IPv6 possibly in brackets or IPv4-mapped) is loopback, private,
 * link-local or otherwise not a public unicast address. Not an IP literal: false.
 */
export function isNonPublicAddress(address: string): boolean {
  return isLoopbackAddress(address) || check(BLOCKED, address);
}
