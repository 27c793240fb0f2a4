import { AuthleteExchangeError } from './authlete/exchange/authlete-exchange';
import { type EngineDispatcher, engineExchange } from './embedded-engine-exchange';

const request = {
  method: 'POST' as const,
  path: '/api/1/auth/token',
  headers: { authorization: 'Bearer t' },
  body: '{}',
  maxBytes: 64,
  timeoutMs: 5_000,
};

function engine(dispatch: EngineDispatcher['dispatch']): EngineDispatcher {
  return { dispatch };
}

describe('engineExchange (in-process calls to the embedded engine)', () => {
  it('hands the request to the engine and returns its answer', async () => {
    const dispatch = jest.fn().mockResolvedValue({ status: 200, headers: {}, body: '{"a":1}' });
    await expect(engineExchange(engine(dispatch))(request)).resolves.toEqual({
      status: 200,
      headers: {},
      body: '{"a":1}',
    });
    expect(dispatch).toHaveBeenCalledWith({
      method: 'POST',
      url: '/api/1/auth/token',
      headers: { authorization: 'Bearer t' },
      body: '{}',
    });
  });

  it('still honours the per-call deadline when the engine never answers', async () => {
    const never = engine(() => new Promise(() => undefined));
    const started = performance.now();
    const pending = engineExchange(never)({ ...request, timeoutMs: 40 });
    await expect(pending).rejects.toMatchObject({ failure: 'timeout' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });

  it('reports an engine fault as unreachable, and an answer over maxBytes as too-large', async () => {
    const faulty = engine(() => Promise.reject(new TypeError('boom')));
    const failure = await engineExchange(faulty)(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthleteExchangeError);
    expect(failure).toMatchObject({ failure: 'unreachable' });
    const huge = engine(() => Promise.resolve({ status: 200, headers: {}, body: 'x'.repeat(65) }));
    await expect(engineExchange(huge)(request)).rejects.toMatchObject({ failure: 'too-large' });
  });
});
