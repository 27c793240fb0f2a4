import type { AuthorizationFailReason } from '../../authlete/types';
import type { ConsentGrant } from '../../session/consent.store';
import type { LoginState } from '../../session/session.types';
import type { AuthorizationContext } from './authorization-context';

/** True when the essential `acr` (OIDC Core §5.5.1.1) is met, or none is essential. */
export function acrSatisfied(context: AuthorizationContext, acr: string | undefined): boolean {
  if (!context.acrEssential || context.acrs.length === 0) return true;
  return acr !== undefined && context.acrs.includes(acr);
}

/**
 * Why the current login cannot be used without asking the user, in the order of
 * authlete-api.md §4.1 NO_INTERACTION: no login, `max_age` exceeded (`max_age=0` always is),
 * another subject demanded, essential `acr` unmet. Undefined when the login is good.
 */
export function loginProblem(
  context: AuthorizationContext,
  login: LoginState | undefined,
  nowSeconds: number,
): AuthorizationFailReason | undefined {
  if (login === undefined) return 'NOT_LOGGED_IN';
  if (context.maxAgeZero) return 'EXCEEDS_MAX_AGE';
  if (context.maxAge > 0 && login.authTime + context.maxAge < nowSeconds) return 'EXCEEDS_MAX_AGE';
  if (context.subject !== undefined && context.subject !== login.subject) {
    return 'DIFFERENT_SUBJECT';
  }
  if (!acrSatisfied(context, login.acr)) return 'ACR_NOT_SATISFIED';
  return undefined;
}

/** True when the login page must be shown (design.md §6; `prompt=login`, `select_account`). */
export function loginRequired(
  context: AuthorizationContext,
  login: LoginState | undefined,
  nowSeconds: number,
): boolean {
  return (
    loginProblem(context, login, nowSeconds) !== undefined ||
    context.prompts.includes('LOGIN') ||
    context.prompts.includes('SELECT_ACCOUNT')
  );
}

/** What the user is asked to consent to: the scopes and every requested claim name. */
export function consentAsked(context: AuthorizationContext): ConsentGrant {
  return {
    scopes: context.scopes.map((scope) => scope.name),
    claims: [...new Set([...context.claims, ...context.claimsAtUserInfo])],
  };
}

/** Current time in seconds since the epoch (the unit of `auth_time`). */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
