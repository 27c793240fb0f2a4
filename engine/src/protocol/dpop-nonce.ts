import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Service } from '../model/service';

/** The key nonces are made with: one per process, so a restart invalidates every nonce. */
const KEY = randomBytes(32);

function windowOf(service: Service, nowMs: number): number {
  return Math.floor(nowMs / (service.dpopNonce.durationSeconds * 1000));
}

function tag(window: number): Buffer {
  return createHmac('sha256', KEY).update(`dpop-nonce:${window}`).digest().subarray(0, 18);
}

/**
 * The DPoP nonce of the current window (RFC 9449 §8.1: an opaque value the client puts in its
 * proofs' `nonce` claim): the window number and a MAC of it, so nothing is stored per nonce.
 */
export function currentDpopNonce(service: Service, nowMs: number): string {
  const window = windowOf(service, nowMs);
  return `${window.toString(36)}.${tag(window).toString('base64url')}`;
}

/**
 * Whether `value` is a nonce this engine issued in the current or the previous window (RFC 9449
 * §8: a client may keep using the nonce it was given until it is refused with `use_dpop_nonce`).
 */
export function dpopNonceAccepted(service: Service, value: unknown, nowMs: number): boolean {
  if (typeof value !== 'string' || value.length > 64) return false;
  const [windowText, mac, rest] = value.split('.');
  if (windowText === undefined || mac === undefined || rest !== undefined) return false;
  const window = Number.parseInt(windowText, 36);
  const current = windowOf(service, nowMs);
  if (!Number.isSafeInteger(window) || (window !== current && window !== current - 1)) {
    return false;
  }
  const presented = Buffer.from(mac, 'base64url');
  const expected = tag(window);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
