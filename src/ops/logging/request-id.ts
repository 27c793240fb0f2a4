import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** An id we accept from a caller: short, and free of anything that could forge log lines. */
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The header's value when it is an acceptable id, else undefined. */
export function acceptableId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && ACCEPTABLE_ID.test(value) ? value : undefined;
}

/**
 * Fastify `genReqId`: the caller's `x-request-id` when acceptable, else a fresh UUID (RFC 9562).
 * The id names the request in every log line and is echoed in the response.
 */
export function requestIdOf(request: IncomingMessage): string {
  return acceptableId(request.headers['x-request-id']) ?? randomUUID();
}

/**
 * The FAPI interaction id: the caller's `x-fapi-interaction-id` when acceptable, else a fresh UUID
 * (FAPI 1.0 Baseline §6.2.1 item 11, FAPI 2.0 Security Profile).
 */
export function interactionIdOf(request: IncomingMessage): string {
  return acceptableId(request.headers['x-fapi-interaction-id']) ?? randomUUID();
}
