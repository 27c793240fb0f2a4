import { AuthleteExchangeError } from './authlete/exchange/authlete-exchange';
import { NotJsonValueError } from './authlete/exchange/json-value-seal';
import { type EngineDispatcher, engineExchange } from './embedded-engine-exchange';

const request = {
  method: 'POST' as const,
  path: '/api/1/auth/token',
  headers: { authorization: 'Bearer t' },
  json: { parameters: 'grant_type=client_credentials' },
  maxBytes: 64,
  timeoutMs: 5_000,
};

function engine(dispatch: EngineDispatcher['dispatch']): EngineDispatcher {
  return { dispatch };
}

describe('engineExchange (in-process calls to the embedded engine)', () => {
  it('hands the body over as a value and returns the JSON answer as a value, with no text', async () => {
    const value = { action: 'OK', responseContent: '{"access_token":"x"}' };
    const dispatch = jest.fn().mockResolvedValue({ status: 200, headers: {}, body: '', value });
    const answer = await engineExchange(engine(dispatch))(request);
    expect(answer).toEqual({ status: 200, headers: {}, body: '', json: value });
    expect(answer.json).toBe(value);
    expect(dispatch).toHaveBeenCalledWith({
      method: 'POST',
      url: '/api/1/auth/token',
      headers: { authorization: 'Bearer t' },
      members: request.json,
    });
  });

  it('returns a text answer (a raw document, an error) as text', async () => {
    const dispatch = jest.fn().mockResolvedValue({ status: 404, headers: {}, body: '{"a":1}' });
    await expect(engineExchange(engine(dispatch))(request)).resolves.toEqual({
      status: 404,
      headers: {},
      body: '{"a":1}',
    });
  });

  it('still honours the per-call deadline when the engine never answers', async () => {
    const never = engine(() => new Promise(() => undefined));
    const started = performance.now();
    const pending = engineExchange(never)({ ...request, timeoutMs: 40 });
    await expect(pending).rejects.toMatchObject({ failure: 'timeout' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(39);
  });

  it('reports an engine fault as unreachable, and a text answer over maxBytes as too-large', async () => {
    const faulty = engine(() => Promise.reject(new TypeError('boom')));
    const failure = await engineExchange(faulty)(request).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AuthleteExchangeError);
    expect(failure).toMatchObject({ failure: 'unreachable' });
    const huge = engine(() => Promise.resolve({ status: 200, headers: {}, body: 'x'.repeat(65) }));
    await expect(engineExchange(huge)(request)).rejects.toMatchObject({ failure: 'too-large' });
  });

  describe('with sealValues (tests)', () => {
    it('refuses a body JSON would change, before the engine sees it', async () => {
      const dispatch = jest.fn();
      const sealed = engineExchange(engine(dispatch), { sealValues: true });
      const dated = { ...request, json: { parameters: 'a=b', at: new Date(0) } };
      await expect(sealed(dated)).rejects.toThrow(NotJsonValueError);
      expect(dispatch).not.toHaveBeenCalled();
    });

    it('freezes the body and the answer, so a change by either side throws', async () => {
      const value = { action: 'OK', scopes: ['read'] };
      const body = { parameters: 'a=b', scopes: ['read'] };
      const sealed = engineExchange(
        engine(() => Promise.resolve({ status: 200, headers: {}, body: '', value })),
        { sealValues: true },
      );
      const answer = await sealed({ ...request, json: body });
      expect(answer.json).toBe(value);
      expect(Object.isFrozen(body.scopes)).toBe(true);
      expect(() => value.scopes.push('admin')).toThrow(TypeError);
    });

    it('refuses an answer JSON would change', async () => {
      const value = { action: 'OK', expiresAt: new Date(0) };
      const sealed = engineExchange(
        engine(() => Promise.resolve({ status: 200, headers: {}, body: '', value })),
        { sealValues: true },
      );
      await expect(sealed(request)).rejects.toThrow('/api/1/auth/token answer: $.expiresAt');
    });
  });
});
