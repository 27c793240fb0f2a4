/** Why a login failed, as a bounded label (never a user name). */
export type LoginFailureKind = 'invalid_credentials' | 'rate_limited';

/**
 * Receives end-user login outcomes (login form and PASSWORD grant, RFC 6749 §4.3). Implemented by
 * the operations layer as Prometheus counters; modules below it depend only on this port.
 */
export abstract class LoginEvents {
  abstract succeeded(): void;
  abstract failed(reason: LoginFailureKind): void;
}

/**
 * Receives failed operations of the backing stores (Redis sessions, consents, limits). Labels are
 * fixed names such as `session`/`get`, never keys or values.
 */
export abstract class StoreErrorReporter {
  abstract error(store: string, operation: string): void;
}
