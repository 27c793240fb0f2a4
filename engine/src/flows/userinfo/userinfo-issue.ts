import type { RequestBody } from '../../api/request-body';
import type { UserInfoIssueResponse } from '../../../../contract';
import { envelope, result } from '../../protocol/result';
import type { EngineContext } from '../../context/engine-context';
import { nowSeconds } from '../../context/engine-context';
import { checkUserInfoToken } from './userinfo-token';

/**
 * `POST /auth/userinfo/issue` (authlete-api.md §8.4): the userinfo response built from the claim
 * values the service supplies: JSON `{sub, …claims}` (action JSON), or, when the client has
 * `userInfoSignAlg`, a JWT with iss, sub, aud, iat, exp and the claims (action JWT).
 */
export async function issueUserInfo(
  context: EngineContext,
  body: RequestBody,
): Promise<UserInfoIssueResponse> {
  const token = body.optionalString('token');
  const claims = body.optionalJsonObject('claims') ?? {};
  const sub = body.optionalString('sub');
  const check = checkUserInfoToken(context, token, '096');
  if (!check.ok) return check.response;
  const subject = check.record.context;
  const userInfo: Record<string, unknown> = { sub: sub ?? subject.subject };
  for (const [name, value] of Object.entries(claims)) {
    if (name !== 'sub' && value !== null && value !== undefined) userInfo[name] = value;
  }
  const ok = result('A096001', 'The userinfo response was generated successfully.');
  const alg = subject.client.userInfoSignAlg;
  if (alg === undefined) {
    return { ...envelope(ok, 'JSON'), responseContent: JSON.stringify(userInfo) };
  }
  const issuedAt = nowSeconds(context);
  const jwt = await context.signer.sign(
    {
      iss: context.service.issuer,
      ...userInfo,
      aud: subject.client.clientIdAlias,
      iat: issuedAt,
      exp: issuedAt + subject.client.idTokenDuration,
    },
    alg,
  );
  return { ...envelope(ok, 'JWT'), responseContent: jwt };
}
