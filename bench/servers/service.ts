/**
 * Servers (a) and (b): this service, booted exactly as `src/main.ts` does (createApp + listen),
 * in its own process so that its RSS and CPU are measured alone. Without AUTHLETE_BASE_URL it runs
 * on the embedded engine, in this same process — as `npm start` does.
 */
import 'reflect-metadata';
import { createApp } from '../../src/bootstrap';
import { announceReady, failStart, portFromEnv, stopWhenAsked } from './lifecycle';

async function main(): Promise<void> {
  const app = await createApp({ logger: ['error', 'warn'] });
  const port = portFromEnv();
  await app.listen({ host: '127.0.0.1', port });
  stopWhenAsked(() => app.close());
  announceReady(`http://127.0.0.1:${port}`);
}

main().catch(failStart);
