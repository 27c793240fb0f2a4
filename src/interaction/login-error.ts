import type { Messages } from './views/locales';
import type { LoginPageError } from './views/login.page';

/** Why a login page is shown again; a wait is in whole seconds. */
export type LoginError =
  | { readonly kind: 'invalidCredentials'; readonly waitSeconds?: number }
  | { readonly kind: 'wrongAccount' | 'accountDisabled' | 'storeUnavailable' }
  | { readonly kind: 'tooManyAttempts'; readonly waitSeconds: number };

/** The message a re-shown login page carries for a failed sign-in (design.md §6). */
export function describeLoginError(
  error: LoginError | undefined,
  t: Messages,
): LoginPageError | undefined {
  switch (error?.kind) {
    case undefined:
      return undefined;
    case 'invalidCredentials':
      return {
        text:
          error.waitSeconds === undefined
            ? t.invalidCredentials
            : `${t.invalidCredentials} ${t.tooManyAttempts(error.waitSeconds)}`,
        invalidFields: true,
      };
    case 'wrongAccount':
      return { text: t.wrongAccount, invalidFields: true };
    case 'accountDisabled':
      return { text: t.accountDisabled, invalidFields: false };
    case 'storeUnavailable':
      return { text: t.storeUnavailable, invalidFields: false };
    case 'tooManyAttempts':
      return { text: t.tooManyAttempts(error.waitSeconds), invalidFields: false };
  }
}
