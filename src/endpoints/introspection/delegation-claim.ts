/**
 * RFC 8693 §4.1 `act` in an RFC 7662 introspection body. A token minted by a token exchange
 * carries its actor as the non-hidden extra property `act` (Authlete lists non-hidden properties
 * of a token as top-level members of `/auth/introspection/standard`); property values are strings,
 * so the JSON text is turned back into the claim's object here. Any other body is left as it is.
 */
export function withDelegationClaim(responseContent: string | undefined): string | undefined {
  if (responseContent === undefined || !responseContent.includes('"act"')) return responseContent;
  let body: unknown;
  try {
    body = JSON.parse(responseContent);
  } catch {
    return responseContent;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return responseContent;
  const members = body as Record<string, unknown>;
  if (typeof members.act !== 'string') return responseContent;
  let act: unknown;
  try {
    act = JSON.parse(members.act);
  } catch {
    return responseContent;
  }
  if (typeof act !== 'object' || act === null || Array.isArray(act)) return responseContent;
  return JSON.stringify({ ...members, act });
}
