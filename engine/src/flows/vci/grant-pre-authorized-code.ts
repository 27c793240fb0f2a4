import { Grant } from '../../model/token-grant';
import type { TokenResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import type { AuthorizationDetail } from '../../model/vci';
import { result } from '../../protocol/result';
import type { TokenSubjectContext } from '../../store/records';
import { mintAccessToken } from '../tokens/mint-tokens';
import type { TokenRequest } from '../token/token-request';
import { badTokenRequest, tokenOkResponse } from '../token/token-response';

/** The `openid_credential` authorization details an offer grants (OID4VCI 1.0 §5.1.1, §6.2). */
export function offeredDetails(configurationIds: string[]): AuthorizationDetail[] {
  return configurationIds.map((id) => ({
    type: 'openid_credential',
    credential_configuration_id: id,
    credential_identifiers: [id],
  }));
}

function jwtAtClaims(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null
    ? (parsed as Record<string, unknown>)
    : undefined;
}

/**
 * The pre-authorized code grant (OpenID for Verifiable Credential Issuance 1.0 §6.1, §6.3): the
 * code of a live, unredeemed credential offer, with its `tx_code` when the offer has one
 * (`invalid_request` when one is missing or unexpected, `invalid_grant` when it differs). The
 * access token is the offer subject's and carries `openid_credential` authorization details for
 * the offered configurations, also returned in the token response (§6.2).
 */
export async function preAuthorizedCodeGrant(
  context: EngineContext,
  request: TokenRequest,
): Promise<TokenResponse> {
  const { params } = request;
  const code = params.get('pre-authorized_code');
  if (code === undefined) {
    return badTokenRequest(
      context,
      'invalid_request',
      'A051321',
      "The token request does not contain the 'pre-authorized_code' parameter.",
    );
  }
  const offer = context.stores.vci.preAuthorizedCodes.get(code);
  if (offer === undefined || offer.redeemed) {
    return badTokenRequest(
      context,
      'invalid_grant',
      'A051322',
      'The pre-authorized code is unknown, expired or already used.',
    );
  }
  const txCode = params.get('tx_code');
  if ((offer.txCode === undefined) !== (txCode === undefined)) {
    const text =
      offer.txCode === undefined
        ? "The 'tx_code' parameter is not expected."
        : "The 'tx_code' parameter is required.";
    return badTokenRequest(context, 'invalid_request', 'A051323', text);
  }
  if (offer.txCode !== undefined && txCode !== offer.txCode) {
    return badTokenRequest(context, 'invalid_grant', 'A051324', 'The transaction code is wrong.');
  }
  offer.redeemed = true;
  const subject: TokenSubjectContext = {
    client: request.client,
    clientIdAliasUsed: request.clientIdAliasUsed,
    grantType: 'PRE_AUTHORIZED_CODE',
    subject: offer.subject,
    authTime: offer.authTime,
    acr: offer.acr,
    properties: [...offer.properties, ...request.properties],
    maxAge: 0,
    grant: new Grant(),
    authorizationDetails: offeredDetails(offer.credentialConfigurationIds),
  };
  const access = await mintAccessToken(context, subject, {
    scopes: [],
    accessTokenDuration: request.accessTokenDuration,
    accessToken: request.accessToken,
    jwtAtClaims: request.jwtAtClaims ?? jwtAtClaims(offer.jwtAtClaims),
    binding: request.binding,
  });
  const ok = result(
    'A051002',
    'The token request (grant_type=pre-authorized_code) was processed successfully.',
  );
  return tokenOkResponse(ok, { access, clientAuthMethod: request.clientAuthMethod });
}
