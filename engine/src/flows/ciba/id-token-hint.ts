import { createLocalJWKSet, jwtVerify } from 'jose';
import type { EngineContext } from '../../context/engine-context';

/**
 * The `sub` of an `id_token_hint` (CIBA Core §7.1): an ID token this service signed for the
 * requesting client. Its expiry is not checked (the hint may be an old ID token); a token that is
 * not ours, or not issued to this client, gives undefined.
 */
export async function idTokenHintSubject(
  context: EngineContext,
  hint: string,
  clientIdAlias: string,
): Promise<string | undefined> {
  try {
    const { payload } = await jwtVerify(hint, createLocalJWKSet(context.keys.publicJwkSet()), {
      issuer: context.service.issuer,
      audience: clientIdAlias,
      currentDate: new Date(0),
    });
    return typeof payload.sub === 'string' ? payload.sub : undefined;
  } catch {
    return undefined;
  }
}
