import Fastify from 'fastify';
import { freePort } from '../../support/free-port';
import { spawnMain } from '../../support/spawn-main';

async function waitUntilLive(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/health/live`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not start');
}

/**
 * OpenTelemetry: with OTEL_EXPORTER_OTLP_ENDPOINT set, every Authlete call becomes a CLIENT span
 * exported over OTLP/HTTP (JSON) to `<endpoint>/v1/traces`, flushed at shutdown. The server runs
 * as its own process, as deployed (the exporter loads modules jest's sandbox cannot).
 */
describe('OpenTelemetry spans around Authlete calls', () => {
  it('exports a span per Authlete call to the OTLP/HTTP endpoint', async () => {
    const receiver = Fastify();
    const bodies: string[] = [];
    receiver.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    receiver.post('/v1/traces', (request, reply) => {
      bodies.push(typeof request.body === 'string' ? request.body : JSON.stringify(request.body));
      void reply.send({});
    });
    const endpoint = await receiver.listen({ host: '127.0.0.1', port: 0 });
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawnMain({
      PORT: String(port),
      HOST: '127.0.0.1',
      ISSUER: url,
      LOG_LEVEL: 'silent',
      THROTTLE_ENABLED: 'false',
      OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    });
    const exited = new Promise<number | null>((done) => child.on('close', done));
    try {
      await waitUntilLive(url, Date.now() + 90_000);
      const basic = Buffer.from('demo-service:demo-service-secret').toString('base64');
      const response = await fetch(`${url}/api/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${basic}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials&scope=read',
      });
      expect(response.status).toBe(200);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const exported = bodies.join('\n');
      expect(exported).toContain('authlete auth/token');
      expect(exported).toContain('authlete.result');
      expect(exported).not.toContain('demo-service-secret');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await receiver.close();
    }
  }, 120_000);
});
