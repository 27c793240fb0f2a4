import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics-registry';

/** Why a login failed, as a bounded metric label. */
export type LoginFailureReason = 'invalid_credentials' | 'rate_limited' | 'csrf' | 'other';

/**
 * `login_attempts_total{result,reason}`: end-user logins at the login form and the PASSWORD grant.
 * Inject it and call {@link succeeded} / {@link failed}; never pass user names or other identifiers.
 */
@Injectable()
export class LoginMetrics {
  private readonly attempts: Counter<'result' | 'reason'>;

  constructor(metrics: MetricsRegistry) {
    this.attempts = new Counter({
      name: 'login_attempts_total',
      help: 'End-user login attempts by result (success, failure) and failure reason',
      labelNames: ['result', 'reason'],
      registers: [metrics.registry],
    });
    this.attempts.inc({ result: 'success', reason: 'none' }, 0);
    this.attempts.inc({ result: 'failure', reason: 'invalid_credentials' }, 0);
  }

  /** A user authenticated. */
  succeeded(): void {
    this.attempts.inc({ result: 'success', reason: 'none' });
  }

  /** A login attempt failed. */
  failed(reason: LoginFailureReason = 'invalid_credentials'): void {
    this.attempts.inc({ result: 'failure', reason });
  }
}
