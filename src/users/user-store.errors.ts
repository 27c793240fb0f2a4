/**
 * Thrown by a {@link UserAuthenticator} when its store cannot answer (database or directory down,
 * timeout). The login page then says the sign-in service is unavailable (HTTP 503) and the
 * password grant answers 503 `temporarily_unavailable`, instead of a 500. The message must not
 * carry secrets: it is logged.
 */
export class UserStoreUnavailableError extends Error {
  override readonly name = 'UserStoreUnavailableError';
}

/**
 * Thrown by a {@link UserAuthenticator} when the credentials are right but the account is
 * disabled. Throw it only after the password matched, so it tells nothing to someone who does not
 * know the password.
 */
export class AccountDisabledError extends Error {
  override readonly name = 'AccountDisabledError';

  constructor(message = 'The account is disabled') {
    super(message);
  }
}
