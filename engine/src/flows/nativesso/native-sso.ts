import type { NativeSsoResponse } from '../../../../contract';
import { createHash } from 'node:crypto';
import { CallerError } from '../../api/caller-error';
import type { RequestBody } from '../../api/request-body';
import { TOKEN_TYPE_URIS } from '../../model/token-types';
import { envelope, result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { readReissueInputs } from '../idtoken/reissue-inputs';
import { tokenResponseContent } from '../token/token-response';
import { buildIdToken } from '../tokens/id-token';

const PATH = '/nativesso';

/**
 * `POST /nativesso` (Java `NativeSsoRequest`/`Response`; OpenID Connect Native SSO 1.0 §4.2,
 * §4.3), called after NATIVE_SSO: an ID token with `sid` (the token's session) and `ds_hash`
 * (`deviceSecretHash`, else base64url SHA-256 of `deviceSecret`, Authlete's fallback), plus the
 * token response with `device_secret` and `issued_token_type`. A wrong call is CALLER_ERROR.
 */
export async function nativeSso(
  context: EngineContext,
  body: RequestBody,
): Promise<NativeSsoResponse> {
  const inputs = readReissueInputs(context, body, '501', PATH, false);
  const deviceSecret = body.requiredString('deviceSecret');
  const hash =
    body.optionalString('deviceSecretHash') ??
    createHash('sha256').update(deviceSecret, 'utf8').digest('base64url');
  if (inputs.subject.sessionId === undefined) {
    throw CallerError.invalid('501', PATH, 'accessToken', 'an access token bound to a session');
  }
  const extra = inputs.access.record.nativeSsoClaims ?? {};
  const idToken = await buildIdToken(context, inputs.subject, {
    accessToken: inputs.access.record.value,
    audType: inputs.audType,
    deviceSecretHash: hash,
    nonce: typeof extra.nonce === 'string' ? extra.nonce : undefined,
    headerParams: body.optionalJsonObject('idtHeaderParams'),
  });
  const content = JSON.parse(tokenResponseContent({ ...inputs, idToken })) as Record<
    string,
    unknown
  >;
  content.device_secret = deviceSecret;
  content.issued_token_type = TOKEN_TYPE_URIS.ACCESS_TOKEN;
  const ok = result(
    'A501001',
    'A Native SSO-compliant ID token and a token response were generated.',
  );
  return { ...envelope(ok, 'OK'), responseContent: JSON.stringify(content), idToken };
}
