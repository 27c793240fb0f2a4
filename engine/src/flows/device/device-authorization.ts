import type { RequestBody } from '../../api/request-body';
import type { DeviceAuthorizationResponse } from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, oauthErrorResponse, result } from '../../protocol/result';
import { randomToken } from '../../protocol/secrets';
import { readClientFormRequest } from '../decoupled/client-form-request';
import { requestedAcrs, requestedScopes } from '../decoupled/requested-scopes';
import { newUserCode } from './user-code';
import { DECOUPLED_GRACE_MS } from '../../store/records';

const SINGLE_VALUED = ['client_id', 'scope', 'acr_values', 'client_secret', 'client_assertion'];

function badRequest(
  context: EngineContext,
  error: string,
  code: string,
  text: string,
): DeviceAuthorizationResponse {
  return oauthErrorResponse(context.service, 'BAD_REQUEST', error, code, text);
}

/** A user code no live device authorization holds (a clash among 20^8 values is rare, but possible). */
function freshUserCode(context: EngineContext): string {
  for (;;) {
    const code = newUserCode(context.service.device);
    if (context.stores.userCodes.get(code) === undefined) return code;
  }
}

/**
 * `POST /device/authorization` (RFC 8628 §3.1, §3.2; Java `DeviceAuthorizationResponse`):
 * authenticates the client as the token endpoint would, checks that it may use the device grant
 * and its scopes, and issues a device code and a user code with the service's `expires_in` and
 * `interval`. OK carries the §3.2 JSON body; BAD_REQUEST and UNAUTHORIZED an RFC 6749 §5.2 body.
 */
export async function authorizeDevice(
  context: EngineContext,
  body: RequestBody,
): Promise<DeviceAuthorizationResponse> {
  const read = await readClientFormRequest(context, body, {
    singleValued: SINGLE_VALUED,
    endpointUrl: context.service.endpoints.deviceAuthorization,
    apiCode: '222',
  });
  if (!read.ok) return read.response;
  const { params, authentication } = read;
  const { client } = authentication;
  if (!context.service.grantTypes.has('DEVICE_CODE') || !client.grantTypes.has('DEVICE_CODE')) {
    return badRequest(
      context,
      'unauthorized_client',
      'A222302',
      'The client is not allowed to use the device flow.',
    );
  }
  const scopes = requestedScopes(context.service, client, params);
  if (!scopes.ok) {
    return badRequest(
      context,
      'invalid_scope',
      'A222303',
      `The scope '${scopes.unknown}' is not supported or not allowed for the client.`,
    );
  }
  const { device } = context.service;
  const deviceCode = randomToken();
  const userCode = freshUserCode(context);
  const validUntil = context.now() + device.codeDuration * 1000;
  const expiresAt = validUntil + DECOUPLED_GRACE_MS;
  const acrs = requestedAcrs(params);
  context.stores.deviceCodes.add(deviceCode, {
    expiresAt,
    validUntil,
    userCode,
    client,
    clientIdAliasUsed: authentication.clientIdAliasUsed,
    scopes: scopes.scopes.map((scope) => scope.name),
    acrs,
    interval: device.pollingInterval,
    status: 'PENDING',
    consumed: false,
  });
  context.stores.userCodes.add(userCode, { expiresAt, deviceCode });
  const verificationUri = context.service.endpoints.deviceVerification;
  const verificationUriComplete = context.service.endpoints.deviceVerificationComplete.replace(
    'USER_CODE',
    encodeURIComponent(userCode),
  );
  const ok = result('A222001', 'The device authorization request was processed successfully.');
  return {
    ...envelope(ok, 'OK'),
    responseContent: JSON.stringify({
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      verification_uri_complete: verificationUriComplete,
      expires_in: device.codeDuration,
      interval: device.pollingInterval,
    }),
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasUsed: authentication.clientIdAliasUsed,
    clientName: client.metadata.clientName,
    clientAuthMethod: authentication.method,
    scopes: scopes.scopes,
    acrs,
    deviceCode,
    userCode,
    verificationUri,
    verificationUriComplete,
    expiresIn: device.codeDuration,
    interval: device.pollingInterval,
  };
}
