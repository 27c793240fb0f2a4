import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthleteExchangeError } from './authlete-exchange';
import { UndiciExchange } from './undici-exchange';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

describe('UndiciExchange (the HTTP path to Authlete)', () => {
  let handler: Handler = (_request, response) => response.end('{}');
  let server: Server;
  let base: string;
  let exchange: UndiciExchange;
  const seen: { url?: string; body: string; authorization?: string }[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ url: request.url, body, authorization: request.headers.authorization });
        handler(request, response);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    exchange = new UndiciExchange({ baseUrl: `${base}/prefix/`, connections: 4, timeoutMs: 300 });
  });
  afterAll(async () => {
    await exchange.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (maxBytes = 1024, timeoutMs = 5_000) =>
    exchange.exchange({
      method: 'POST',
      path: '/api/1/auth/token',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      json: { parameters: 'a=b' },
      maxBytes,
      timeoutMs,
    });

  it('sends path (under the base URL prefix), headers and the body as JSON text; returns status, headers and text', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-extra': 'yes' });
      response.end('{"action":"OK"}');
    };
    await expect(send()).resolves.toMatchObject({
      status: 200,
      headers: { 'x-extra': 'yes' },
      body: '{"action":"OK"}',
    });
    expect(seen.at(-1)).toEqual({
      url: '/prefix/api/1/auth/token',
      body: '{"parameters":"a=b"}',
      authorization: 'Bearer t',
    });
  });

  it('does not follow a redirect: a 302 is the answer (JWKS, authlete-api.md §8.7)', async () => {
    handler = (_request, response) => {
      response.writeHead(302, { location: 'https://example.com/jwks' });
      response.end();
    };
    await expect(send()).resolves.toMatchObject({
      status: 302,
      headers: { location: 'https://example.com/jwks' },
    });
  });

  it.each([
    ['with a Content-Length', true],
    ['chunked', false],
  ])('refuses an answer over maxBytes (%s) as too-large', async (_how, withLength) => {
    handler = (_request, response) => {
      const body = 'x'.repeat(2048);
      if (withLength) response.writeHead(200, { 'content-length': String(body.length) });
      response.end(body);
    };
    await expect(send(1024)).rejects.toMatchObject({ failure: 'too-large' });
  });

  it('reports an answer slower than the timeout as a timeout', async () => {
    handler = (_request, response) => {
      setTimeout(() => response.end('{}'), 1_000);
    };
    const failure = await send().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthleteExchangeError);
    expect(failure).toMatchObject({ failure: 'timeout' });
  });

  it('reports a call past its deadline as a timeout and closes its connection', async () => {
    let closed = false;
    handler = (request, response) => {
      request.socket.on('close', () => (closed = true));
      setTimeout(() => response.end('{}'), 250);
    };
    const started = performance.now();
    await expect(send(1024, 20)).rejects.toMatchObject({ failure: 'timeout' });
    expect(performance.now() - started).toBeLessThan(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(closed).toBe(true);
  });

  it('serves the next call after one was refused as too large or cut off at its deadline', async () => {
    handler = (_request, response) => response.end('x'.repeat(2048));
    await expect(send(1024)).rejects.toMatchObject({ failure: 'too-large' });
    handler = (_request, response) => setTimeout(() => response.end('{}'), 200);
    await expect(send(1024, 20)).rejects.toMatchObject({ failure: 'timeout' });
    handler = (_request, response) => response.end('{"action":"OK"}');
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((answer) => answer.body)).toEqual(Array(3).fill('{"action":"OK"}'));
  });

  it('reads an answer that arrives in many chunks whole', async () => {
    handler = (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      for (let part = 0; part < 50; part += 1) response.write('"' + 'é'.repeat(10) + '",');
      response.end('"end"');
    };
    const answer = await send(4096);
    expect(answer.body).toBe(`${'"éééééééééé",'.repeat(50)}"end"`);
  });

  it('reports a refused connection as unreachable', async () => {
    const closed = new UndiciExchange({
      baseUrl: 'http://127.0.0.1:9',
      connections: 1,
      timeoutMs: 500,
    });
    await expect(
      closed.exchange({ method: 'GET', path: '/x', headers: {}, maxBytes: 10, timeoutMs: 500 }),
    ).rejects.toMatchObject({ failure: 'unreachable' });
    await closed.close();
  });
});
