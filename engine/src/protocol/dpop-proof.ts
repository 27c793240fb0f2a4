import { createHash } from 'node:crypto';
import {
  calculateJwkThumbprint,
  decodeProtectedHeader,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
} from 'jose';
import { ASYMMETRIC_JWS_ALGS } from '../model/enums';

/** Asymmetric JWS algorithms accepted for DPoP proofs (RFC 9449 §4.2: no `none`, no MAC). */
export const DPOP_SIGNING_ALGS = ASYMMETRIC_JWS_ALGS;

/** How far (seconds) a proof's `iat` may be from now, and how long its `jti` is remembered. */
export const DPOP_IAT_WINDOW_SECONDS = 300;

const MAX_PROOF_LENGTH = 8192;
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** What a proof is checked against (RFC 9449 §4.3). */
export interface DpopProofExpectations {
  /** The HTTP method of the request the proof goes with. */
  htm: string;
  /** The URL of the request, compared without query and fragment. */
  htu: string;
  /** When the proof goes with an access token: the token, for the `ath` check (RFC 9449 §4.3 step 12). */
  accessToken?: string;
  nowMs: number;
  /** Records `key` until `expiresAt` (ms); false when it was already recorded (replay). */
  rememberJti(key: string, expiresAt: number): boolean;
  /** When the server requires a nonce (RFC 9449 §8): whether the proof's `nonce` is one it issued. */
  acceptsNonce?: (nonce: unknown) => boolean;
}

/**
 * A verified proof's key thumbprint (RFC 7638), or why the proof is refused; `useNonce` when the
 * only fault is a missing or stale nonce (answered `use_dpop_nonce` with `nonce`, the one to
 * use, RFC 9449 §8, §9).
 */
export type DpopProofCheck =
  { ok: true; jkt: string } | { ok: false; description: string; useNonce?: true; nonce?: string };

function refuse(description: string): DpopProofCheck {
  return { ok: false, description };
}

/** The URL without query and fragment, normalised by WHATWG URL parsing (RFC 9449 §4.3 step 9). */
function htuOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** base64url(SHA-256(access token)): the `ath` claim (RFC 9449 §4.2). */
export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token, 'ascii').digest('base64url');
}

function publicJwkOf(header: Record<string, unknown>): JWK | undefined {
  const { jwk } = header;
  if (typeof jwk !== 'object' || jwk === null || Array.isArray(jwk)) return undefined;
  const members = jwk as Record<string, unknown>;
  if (PRIVATE_JWK_MEMBERS.some((name) => members[name] !== undefined)) return undefined;
  return members;
}

async function verifiedPayload(
  proof: string,
  jwk: JWK,
  alg: string,
  nowMs: number,
): Promise<JWTPayload | undefined> {
  try {
    const key = await importJWK(jwk, alg);
    const { payload } = await jwtVerify(proof, key, {
      typ: 'dpop+jwt',
      algorithms: [alg],
      currentDate: new Date(nowMs),
    });
    return payload;
  } catch {
    return undefined;
  }
}

function claimProblem(payload: JWTPayload, expected: DpopProofExpectations): string | undefined {
  if (typeof payload.jti !== 'string' || payload.jti.length === 0 || payload.jti.length > 256) {
    return "The DPoP proof has no valid 'jti' claim.";
  }
  if (payload.htm !== expected.htm) return "The 'htm' claim of the DPoP proof does not match.";
  const htu = htuOf(payload.htu);
  if (htu === undefined || htu !== htuOf(expected.htu)) {
    return "The 'htu' claim of the DPoP proof does not match.";
  }
  const now = expected.nowMs / 1000;
  if (typeof payload.iat !== 'number' || Math.abs(now - payload.iat) > DPOP_IAT_WINDOW_SECONDS) {
    return "The 'iat' claim of the DPoP proof is missing or out of the acceptable window.";
  }
  if (expected.accessToken !== undefined && payload.ath !== accessTokenHash(expected.accessToken)) {
    return "The 'ath' claim of the DPoP proof is missing or does not match the access token.";
  }
  return undefined;
}

/**
 * Verifies a DPoP proof JWT (RFC 9449 §4.3): typ `dpop+jwt`, an asymmetric alg, a public `jwk`
 * header that verifies the signature, matching `htm` and `htu`, a fresh `iat`, `ath` when an
 * access token goes with it, and a `jti` not seen before within the window. Returns the RFC 7638
 * SHA-256 thumbprint of the key (the `cnf.jkt` of bound tokens, RFC 9449 §6.1).
 */
export async function verifyDpopProof(
  proof: string,
  expected: DpopProofExpectations,
): Promise<DpopProofCheck> {
  if (proof.length > MAX_PROOF_LENGTH) return refuse('The DPoP proof is too long.');
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    return refuse('The DPoP proof is not a signed JWT.');
  }
  if (header.typ !== 'dpop+jwt') return refuse("The 'typ' of the DPoP proof is not 'dpop+jwt'.");
  const alg = header.alg;
  if (typeof alg !== 'string' || !(DPOP_SIGNING_ALGS as readonly string[]).includes(alg)) {
    return refuse("The 'alg' of the DPoP proof is not an accepted asymmetric algorithm.");
  }
  const jwk = publicJwkOf(header);
  if (jwk === undefined) return refuse("The 'jwk' header of the DPoP proof is not a public key.");
  const payload = await verifiedPayload(proof, jwk, alg, expected.nowMs);
  if (payload === undefined) return refuse('The signature of the DPoP proof is invalid.');
  const problem = claimProblem(payload, expected);
  if (problem !== undefined) return refuse(problem);
  if (expected.acceptsNonce !== undefined && !expected.acceptsNonce(payload.nonce)) {
    // Before the jti is recorded: the client sends a new proof with the nonce it is given.
    const description =
      payload.nonce === undefined
        ? 'The DPoP proof has no nonce, and the server requires one.'
        : 'The nonce of the DPoP proof is not one the server issued, or it has expired.';
    return { ok: false, description, useNonce: true };
  }
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  const expiresAt = expected.nowMs + 2 * DPOP_IAT_WINDOW_SECONDS * 1000;
  if (!expected.rememberJti(`${jkt}:${String(payload.jti)}`, expiresAt)) {
    return refuse('The DPoP proof has been used already.');
  }
  return { ok: true, jkt };
}
