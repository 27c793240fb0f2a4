import { problem, type CredentialProblem } from './vci-errors';
import type { CredentialTarget } from './credential-access';

/** A credential request body after its shape was checked (OID4VCI 1.0 §8.2). */
export interface ParsedCredentialRequest {
  target: CredentialTarget;
  /** The JWT proofs (`proofs.jwt`, or the single `proof` of earlier drafts). */
  proofJwts: string[];
  /** The request without its proofs: Authlete's `CredentialRequestInfo.details`. */
  details: Record<string, unknown>;
}

const MAX_PROOFS = 10;

function invalid(code: string, text: string): CredentialProblem {
  return problem('invalid_credential_request', code, text);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses a JSON object body; `undefined` when it is not one. */
export function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function proofJwts(body: Record<string, unknown>): string[] | CredentialProblem {
  const { proofs, proof } = body;
  if (isRecord(proofs)) {
    const jwts = proofs.jwt;
    if (!Array.isArray(jwts) || jwts.length === 0 || jwts.length > MAX_PROOFS) {
      return problem('invalid_proof', 'A326309', "'proofs.jwt' must be an array of 1 to 10 JWTs.");
    }
    if (jwts.some((jwt) => typeof jwt !== 'string')) {
      return problem('invalid_proof', 'A326309', "'proofs.jwt' must contain strings.");
    }
    return jwts as string[];
  }
  if (isRecord(proof) && proof.proof_type === 'jwt' && typeof proof.jwt === 'string') {
    return [proof.jwt];
  }
  return problem('invalid_proof', 'A326308', 'The credential request contains no JWT proof.');
}

/**
 * Checks the shape of a credential request (OID4VCI 1.0 §8.2): a JSON object naming exactly one of
 * `credential_identifier` and `credential_configuration_id`, with JWT proofs.
 */
export function parseCredentialRequest(text: string): ParsedCredentialRequest | CredentialProblem {
  const body = jsonObject(text);
  if (body === undefined) return invalid('A326302', 'The credential request is not a JSON object.');
  const { credential_identifier: identifier, credential_configuration_id: configurationId } = body;
  const hasIdentifier = identifier !== undefined;
  if (hasIdentifier === (configurationId !== undefined)) {
    return invalid(
      'A326303',
      "Exactly one of 'credential_identifier' and 'credential_configuration_id' is required.",
    );
  }
  const named = hasIdentifier ? identifier : configurationId;
  if (typeof named !== 'string' || named === '') {
    return invalid('A326303', 'The credential identifier or configuration id must be a string.');
  }
  const jwts = proofJwts(body);
  if ('error' in jwts) return jwts;
  const { proofs: _proofs, proof: _proof, ...details } = body;
  return {
    target: hasIdentifier ? { credentialIdentifier: named } : { configurationId: named },
    proofJwts: jwts,
    details,
  };
}
