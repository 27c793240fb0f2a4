import { ConfigurationError, validateEnvironment } from './validate-environment';

function message(env: Record<string, string>): string {
  try {
    validateEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigurationError');
}

const REMOTE_V3 = {
  AUTHLETE_BASE_URL: 'https://us.authlete.com',
  AUTHLETE_SERVICE_APIKEY: '715948317',
  AUTHLETE_SERVICE_ACCESSTOKEN: 'token',
};

describe('validateEnvironment (design.md §4)', () => {
  it('accepts an empty environment (embedded engine, defaults) and blank values as unset', () => {
    expect(() => validateEnvironment({})).not.toThrow();
    expect(() => validateEnvironment({ PORT: '', AUTHLETE_BASE_URL: '' })).not.toThrow();
  });

  it('refuses the embedded engine under NODE_ENV=production unless ENGINE_ALLOW_PRODUCTION=true', () => {
    const production = {
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-session-secret-of-at-least-32-characters',
    };
    expect(message(production)).toMatch(
      /^Invalid configuration: AUTHLETE_BASE_URL: unset, so NODE_ENV=production would run the embedded engine/,
    );
    expect(() =>
      validateEnvironment({ ...production, ENGINE_ALLOW_PRODUCTION: 'true' }),
    ).not.toThrow();
    expect(() => validateEnvironment({ ...production, ...REMOTE_V3 })).not.toThrow();
  });

  it('accepts a complete V3 and V2 connection', () => {
    expect(() => validateEnvironment(REMOTE_V3)).not.toThrow();
    expect(() =>
      validateEnvironment({
        AUTHLETE_BASE_URL: 'https://api.authlete.com',
        AUTHLETE_API_VERSION: 'V2',
        AUTHLETE_SERVICE_APIKEY: '1',
        AUTHLETE_SERVICE_APISECRET: 'secret',
      }),
    ).not.toThrow();
  });

  it.each([
    [{ PORT: 'abc' }, 'Invalid configuration: PORT: must be an integer number'],
    [{ PORT: '70000' }, 'Invalid configuration: PORT: must not be greater than 65535'],
    [{ PORT: '-1' }, 'Invalid configuration: PORT: must be an integer number'],
    [
      { AUTHLETE_API_VERSION: 'v4' },
      'Invalid configuration: AUTHLETE_API_VERSION: must be one of the following values: V2, V3',
    ],
    [
      { ...REMOTE_V3, AUTHLETE_BASE_URL: 'us.authlete.com' },
      'Invalid configuration: AUTHLETE_BASE_URL: must be a URL address',
    ],
    [
      { AUTHLETE_BASE_URL: 'https://us.authlete.com', AUTHLETE_SERVICE_APIKEY: '1' },
      'Invalid configuration: AUTHLETE_SERVICE_ACCESSTOKEN: is required',
    ],
    [
      { ...REMOTE_V3, AUTHLETE_API_VERSION: 'V2' },
      'Invalid configuration: AUTHLETE_SERVICE_APISECRET: is required',
    ],
    [{ NODE_ENV: 'production' }, 'Invalid configuration: SESSION_SECRET: is required'],
    [
      { SESSION_SECRET: 'short' },
      'Invalid configuration: SESSION_SECRET: must be at least 32 characters',
    ],
    [
      { AUTHLETE_TIMEOUT_MS: '10' },
      'Invalid configuration: AUTHLETE_TIMEOUT_MS: must not be less than 100',
    ],
    [{ ISSUER: 'localhost:8080' }, 'Invalid configuration: ISSUER: must be a URL address'],
    [
      { TRUST_PROXY: '127.0.0.1,not-an-ip' },
      'Invalid configuration: TRUST_PROXY: must be true, false, or a comma-separated list of IP addresses, CIDRs, loopback, linklocal or uniquelocal',
    ],
    [
      { LOG_LEVEL: 'loud' },
      'Invalid configuration: LOG_LEVEL: must be one of the following values: fatal, error, warn, info, debug, trace, silent',
    ],
  ])('refuses %j with one line naming the variable', (env, expected) => {
    const text = message(env);
    expect(text).toBe(expected);
    expect(text).not.toContain('\n');
  });

  it('names every bad variable on the same line and never echoes a value', () => {
    const text = message({ PORT: 'abc', SESSION_SECRET: 'my-short-secret' });
    expect(text).toBe(
      'Invalid configuration: PORT: must be an integer number | SESSION_SECRET: must be at least 32 characters',
    );
    expect(text).not.toContain('my-short-secret');
  });

  it('accepts the TRUST_PROXY forms proxy-addr understands', () => {
    for (const value of ['true', 'false', 'loopback', '10.0.0.0/8, 192.168.1.1', '::1']) {
      expect(() => validateEnvironment({ TRUST_PROXY: value })).not.toThrow();
    }
  });
});
