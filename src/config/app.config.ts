import { registerAs } from '@nestjs/config';
import { readBool, readInt, readString } from './env-readers';
import { normaliseRoutePrefix } from './route-prefix';

/** Listener, public identity and HTTP hardening settings (design.md §4). */
export const appConfig = registerAs('app', () => {
  const port = readInt('PORT', 8080);
  // Without ISSUER, the development identity follows the listener's port (PORT=18081 → :18081)
  // and the route prefix (ROUTE_PREFIX=oauth → http://localhost:8080/oauth).
  const prefix = normaliseRoutePrefix(readString('ROUTE_PREFIX'));
  const issuer = (readString('ISSUER') ?? `http://localhost:${port}${prefix}`).replace(/\/+$/, '');
  return {
    nodeEnv: readString('NODE_ENV') ?? 'development',
    port,
    host: readString('HOST') ?? '127.0.0.1',
    issuer,
    secureCookies: issuer.startsWith('https://'),
    sessionSecret: readString('SESSION_SECRET'),
    trustProxy: readString('TRUST_PROXY') ?? 'false',
    clientCertHeaders: (readString('CLIENT_CERT_HEADERS') ?? 'x-ssl-cert,client-cert')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name.length > 0),
    logLevel: readString('LOG_LEVEL') ?? 'info',
    bodyLimitBytes: readInt('BODY_LIMIT_BYTES', 65536),
    redisUrl: readString('REDIS_URL'),
    usersAllowDemo: readBool('USERS_ALLOW_DEMO', false),
  };
});

/** Resolved type of {@link appConfig}. */
export type AppConfig = ReturnType<typeof appConfig>;
