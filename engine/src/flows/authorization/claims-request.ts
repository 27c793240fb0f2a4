/** Claims that are about the token, not the user, and never listed as requested user claims. */
const PROTOCOL_CLAIMS = new Set([
  'sub',
  'acr',
  'amr',
  'auth_time',
  'nonce',
  'iss',
  'aud',
  'exp',
  'iat',
  'azp',
  'at_hash',
  'c_hash',
  'sid',
]);

/** The `claims` request parameter, parsed (OpenID Connect Core §5.5). */
export interface ClaimsRequest {
  idTokenNames: string[];
  userInfoNames: string[];
  idTokenClaims?: string;
  userInfoClaims?: string;
  /** `id_token.sub.value`: the user must be this subject. */
  subject?: string;
  /** `id_token.acr.value(s)`. */
  acrs?: string[];
  acrEssential: boolean;
}

type ClaimMembers = Record<string, unknown>;

function asMembers(value: unknown): ClaimMembers | undefined | null {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const members = value as ClaimMembers;
  const valid = Object.values(members).every(
    (detail) => detail === null || (typeof detail === 'object' && !Array.isArray(detail)),
  );
  return valid ? members : null;
}

function userClaimNames(members: ClaimMembers | undefined): string[] {
  if (members === undefined) return [];
  return Object.keys(members).filter((name) => !PROTOCOL_CLAIMS.has(name.split('#')[0] ?? name));
}

function acrRequest(members: ClaimMembers | undefined): { acrs?: string[]; essential: boolean } {
  const detail = members?.acr as Record<string, unknown> | null | undefined;
  if (detail === undefined || detail === null) return { essential: false };
  const values = Array.isArray(detail.values)
    ? detail.values.filter((value): value is string => typeof value === 'string')
    : typeof detail.value === 'string'
      ? [detail.value]
      : undefined;
  return { acrs: values, essential: detail.essential === true };
}

/** Parses `claims`; returns undefined when it is not valid JSON of the required shape. */
export function parseClaimsRequest(raw: string | undefined): ClaimsRequest | undefined {
  if (raw === undefined) return { idTokenNames: [], userInfoNames: [], acrEssential: false };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const root = parsed as Record<string, unknown>;
  const idToken = asMembers(root.id_token);
  const userInfo = asMembers(root.userinfo);
  if (idToken === null || userInfo === null) return undefined;
  const sub = idToken?.sub as Record<string, unknown> | null | undefined;
  const acr = acrRequest(idToken);
  return {
    idTokenNames: userClaimNames(idToken),
    userInfoNames: userClaimNames(userInfo),
    idTokenClaims: idToken === undefined ? undefined : JSON.stringify(idToken),
    userInfoClaims: userInfo === undefined ? undefined : JSON.stringify(userInfo),
    subject: typeof sub?.value === 'string' ? sub.value : undefined,
    acrs: acr.acrs,
    acrEssential: acr.essential,
  };
}

/** User claim names in a stored `claims.userinfo` JSON (authlete-api.md §8.3). */
export function userInfoClaimNamesOf(userInfoClaims: string | undefined): string[] {
  if (userInfoClaims === undefined) return [];
  const members = asMembers(JSON.parse(userInfoClaims));
  return userClaimNames(members ?? undefined);
}
