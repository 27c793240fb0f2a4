import type { RequestBody } from '../../api/request-body';
import type { TokenResponse } from '../../../../contract';
import type { Client } from '../../model/client';
import { certificateThumbprint } from '../../protocol/certificate-thumbprint';
import type { FormParams } from '../../protocol/form-params';
import type { EngineContext } from '../../context/engine-context';
import type { TokenBinding } from '../../store/records';
import { currentDpopNonce } from '../../protocol/dpop-nonce';
import { checkDpopProof, dpopNonceRequired } from '../tokens/dpop-check';
import { badTokenRequest } from './token-response';

/** The binding the tokens of a request get, or the error answer. */
export type TokenBindingCheck =
  { ok: true; binding: TokenBinding } | { ok: false; response: TokenResponse };

function refused(response: TokenResponse): TokenBindingCheck {
  return { ok: false, response };
}

async function dpopBinding(
  context: EngineContext,
  body: RequestBody,
  client: Client,
): Promise<{ jkt?: string } | TokenResponse> {
  const proof = body.optionalString('dpop');
  if (proof === undefined) {
    if (!client.dpopRequired) return {};
    return badTokenRequest(
      context,
      'invalid_dpop_proof',
      'A051371',
      'The client requires a DPoP proof, but the token request does not contain one.',
    );
  }
  const check = await checkDpopProof(context, proof, {
    htm: body.optionalString('htm') ?? 'POST',
    htu: body.optionalString('htu') ?? context.service.endpoints.token,
    nonceRequired: dpopNonceRequired(context, body),
  });
  if (check.ok) return { jkt: check.jkt };
  if (check.useNonce) {
    // RFC 9449 §8: 400 use_dpop_nonce, with the nonce to use (the service sends it as DPoP-Nonce).
    const refusal = badTokenRequest(context, 'use_dpop_nonce', 'A051376', check.description);
    return { ...refusal, dpopNonce: check.nonce };
  }
  return badTokenRequest(context, 'invalid_dpop_proof', 'A051372', check.description);
}

/**
 * The sender constraint of a token request: the DPoP key of a valid proof (RFC 9449 §5; a client
 * with `dpopRequired` must send one, §5.2) and, for a client with
 * `tlsClientCertificateBoundAccessTokens`, the `x5t#S256` of its certificate (RFC 8705 §3.1).
 */
export async function tokenRequestBinding(
  context: EngineContext,
  body: RequestBody,
  client: Client,
): Promise<TokenBindingCheck> {
  const dpop = await dpopBinding(context, body, client);
  if ('action' in dpop) return refused(dpop);
  const binding: TokenBinding = { jkt: dpop.jkt };
  if (client.tlsClientCertificateBoundAccessTokens) {
    const pem = body.optionalString('clientCertificate');
    const thumbprint = pem === undefined ? undefined : certificateThumbprint(pem);
    if (thumbprint === undefined) {
      return refused(
        badTokenRequest(
          context,
          'invalid_request',
          'A051373',
          'The client requires certificate-bound access tokens, but no valid client certificate was presented.',
        ),
      );
    }
    binding.x5tS256 = thumbprint;
  }
  return { ok: true, binding };
}

/**
 * A bound refresh token (a public client's: RFC 9449 §5, RFC 8705 §3 and §7.1) is refreshed only
 * by the sender it is bound to: with a DPoP proof of the same key, and over mutual TLS with the
 * same client certificate (`presentedCertificate`, the PEM the service forwards). Undefined when
 * the request may proceed.
 */
export function refreshBindingProblem(
  context: EngineContext,
  params: FormParams,
  binding: TokenBinding,
  presentedCertificate: string | undefined,
): TokenResponse | undefined {
  const value = params.get('refresh_token');
  const record = value === undefined ? undefined : context.stores.refreshTokens.peek(value);
  const bound = record?.binding;
  if (bound?.jkt !== undefined && bound.jkt !== binding.jkt) {
    return badTokenRequest(
      context,
      'invalid_dpop_proof',
      'A051374',
      'The refresh token is bound to a DPoP key, and the request has no DPoP proof made with it.',
    );
  }
  if (bound?.x5tS256 === undefined) return undefined;
  const presented =
    presentedCertificate === undefined ? undefined : certificateThumbprint(presentedCertificate);
  if (presented === bound.x5tS256) return undefined;
  return badTokenRequest(
    context,
    'invalid_grant',
    'A051375',
    'The refresh token is bound to a client certificate, and the request was not made with it.',
  );
}

function withDpopTokenType(content: string | undefined): string | undefined {
  if (content === undefined) return undefined;
  const parsed = JSON.parse(content) as Record<string, unknown>;
  parsed.token_type = 'DPoP';
  return JSON.stringify(parsed);
}

/** The members of a token-issuing response the binding reads and rewrites. */
interface BindableResponse {
  action: string;
  ticket?: string;
  accessToken?: string;
  refreshToken?: string;
  responseContent?: string;
}

/**
 * Binds the tokens of an OK token response (RFC 9449 §5, RFC 8705 §3): the access token always,
 * the refresh token for a public client; a DPoP-bound token's `token_type` is `DPoP` (§5.1). A
 * PASSWORD answer keeps the binding with its ticket for `/auth/token/issue`.
 */
export function applyTokenBinding<R extends BindableResponse>(
  context: EngineContext,
  response: R,
  binding: TokenBinding,
  client: Client,
): R {
  if (response.action === 'PASSWORD' && response.ticket !== undefined) {
    // The tokens come from /auth/token/issue, which applies the binding kept with the ticket.
    const ticket = context.stores.passwordTickets.peek(response.ticket);
    if (ticket !== undefined) ticket.binding = binding;
    return response;
  }
  const issued = response.action === 'OK' || response.action === 'ID_TOKEN_REISSUABLE';
  if (!issued || (binding.jkt === undefined && binding.x5tS256 === undefined)) {
    return response;
  }
  const access =
    response.accessToken === undefined
      ? undefined
      : context.stores.accessTokens.peek(response.accessToken);
  if (access !== undefined) access.binding = binding;
  if (response.refreshToken !== undefined && client.clientType === 'PUBLIC') {
    const refresh = context.stores.refreshTokens.peek(response.refreshToken);
    if (refresh !== undefined) refresh.binding = binding;
  }
  if (binding.jkt === undefined) return response;
  return { ...response, responseContent: withDpopTokenType(response.responseContent) };
}

/**
 * A token response to a request with a DPoP proof, when nonces are required, carries the nonce
 * of the current window (RFC 9449 §8.2: the server may hand out a fresh nonce with any response).
 */
export function withDpopNonce<R extends BindableResponse>(
  context: EngineContext,
  body: RequestBody,
  response: R,
): R {
  if (body.optionalString('dpop') === undefined || !dpopNonceRequired(context, body)) {
    return response;
  }
  return { ...response, dpopNonce: currentDpopNonce(context.service, context.now()) };
}
