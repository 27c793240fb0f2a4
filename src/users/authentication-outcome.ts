import type { Logger } from '@nestjs/common';
import {
  type AuthenticatedUser,
  type AuthenticationContext,
  type PasswordCredentials,
  type UserAuthenticator,
} from './user-authenticator';
import { AccountDisabledError } from './user-store.errors';

/**
 * What an authentication attempt came to: a user; `rejected` (unknown user or wrong password,
 * never told apart); `disabled` (right password, disabled account); `unavailable` (the store
 * could not answer).
 */
export type AuthenticationOutcome =
  | { readonly kind: 'authenticated'; readonly user: AuthenticatedUser }
  | { readonly kind: 'rejected' }
  | { readonly kind: 'disabled' }
  | { readonly kind: 'unavailable' };

/**
 * Calls {@link UserAuthenticator.authenticate} and classifies the result. Any error other than
 * {@link AccountDisabledError} counts as an outage (a custom store's driver error included): it
 * is logged by name and message only, never with the credentials.
 */
export async function authenticateUser(
  users: UserAuthenticator,
  credentials: PasswordCredentials,
  context: AuthenticationContext,
  logger: Logger,
): Promise<AuthenticationOutcome> {
  try {
    const user = await users.authenticate(credentials, context);
    return user === null ? { kind: 'rejected' } : { kind: 'authenticated', user };
  } catch (error) {
    if (error instanceof AccountDisabledError) return { kind: 'disabled' };
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    logger.error(`User store unavailable during ${context.flow}: ${reason}`);
    return { kind: 'unavailable' };
  }
}
