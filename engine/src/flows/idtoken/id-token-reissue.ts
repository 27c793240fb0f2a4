import type { IdTokenReissueResponse } from '../../../../contract';
import type { RequestBody } from '../../api/request-body';
import { result, resultMessage } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { tokenResponseContent } from '../token/token-response';
import { buildIdToken } from '../tokens/id-token';
import { readReissueInputs } from './reissue-inputs';

const PATH = '/idtoken/reissue';

/**
 * `POST /idtoken/reissue` (Java `IDTokenReissueRequest`/`Response`; authlete-api.md §7.6), called
 * after ID_TOKEN_REISSUABLE: a new ID token for the refreshed access token (OIDC Core §12.2: same
 * `iss`, `sub`, `aud`, `auth_time`, `acr`, `sid`, no `nonce`) with the caller's current `claims`.
 * OK carries the whole token response; a wrong call is CALLER_ERROR.
 */
export async function reissueIdToken(
  context: EngineContext,
  body: RequestBody,
): Promise<IdTokenReissueResponse> {
  const inputs = readReissueInputs(context, body, '311', PATH, true);
  const idToken = await buildIdToken(context, inputs.subject, {
    accessToken: inputs.access.record.value,
    audType: inputs.audType,
    headerParams: body.optionalJsonObject('idtHeaderParams'),
  });
  const ok = result('A311001', 'An ID token was reissued.');
  return {
    // The envelope as named members, not a spread: see envelope() in protocol/result.ts.
    resultCode: ok.code,
    resultMessage: resultMessage(ok),
    action: 'OK',
    responseContent: tokenResponseContent({ ...inputs, idToken }),
    idToken,
  };
}
