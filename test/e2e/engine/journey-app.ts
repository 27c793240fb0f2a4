import { createApp } from '../../../src/bootstrap';
import { resetEnv, setEnv } from '../../support/test-app';
import { freePort } from '../../support/free-port';

/** The running app and the issuer URL clients use. */
export interface JourneyApp {
  issuer: string;
  close(): Promise<void>;
}

/**
 * Starts the app as `npm start` does — no AUTHLETE_* variables, so on the embedded engine with
 * the demo data — on a loopback port that is also its ISSUER, so certified client libraries
 * accept the discovery document (OIDC Discovery §4.3).
 */
export async function startJourneyApp(
  env: Record<string, string | undefined> = {},
): Promise<JourneyApp> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  setEnv({ LOG_LEVEL: 'silent', ISSUER: issuer, AUTHLETE_BASE_URL: undefined, ...env });
  const app = await createApp({ logger: false });
  await app.listen({ host: '127.0.0.1', port });
  return {
    issuer,
    close: async () => {
      await app.close();
      resetEnv();
    },
  };
}
