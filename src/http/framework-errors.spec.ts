import Fastify from 'fastify';
import { answerFrameworkError } from './framework-errors';

describe('answerFrameworkError (Fastify frameworkErrors)', () => {
  it('answers a malformed path escape as 400 invalid_request JSON with no-store', async () => {
    const fastify = Fastify({ frameworkErrors: answerFrameworkError });
    fastify.get('/api/:name', () => 'ok');
    const res = await fastify.inject({ method: 'GET', url: '/api/%ZZ' });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('application/json;charset=UTF-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['pragma']).toBe('no-cache');
    expect(JSON.parse(res.body)).toEqual({
      error: 'invalid_request',
      error_description: 'Malformed request',
    });
    await fastify.close();
  });
});
