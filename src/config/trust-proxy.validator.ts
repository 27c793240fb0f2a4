import { ValidateBy, type ValidationOptions } from 'class-validator';
import { compileTrustProxy } from '../common/trust-proxy';

/**
 * `TRUST_PROXY` must compile: `true`, `false`, or a comma-separated list of addresses, CIDRs or
 * `loopback`/`linklocal`/`uniquelocal`. Checked here so a typo stops start-up with a message naming
 * the variable, instead of a bare "invalid IP address" from deep inside bootstrap.
 */
export function IsTrustProxySetting(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTrustProxySetting',
      validator: {
        validate: (value: unknown): boolean => {
          if (typeof value !== 'string') return false;
          try {
            compileTrustProxy(value);
            return true;
          } catch {
            return false;
          }
        },
        defaultMessage: () =>
          'must be true, false, or a comma-separated list of IP addresses, CIDRs, loopback, linklocal or uniquelocal',
      },
    },
    options,
  );
}
