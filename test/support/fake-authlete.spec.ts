import { startFakeAuthlete } from './fake-authlete';

describe('the fake Authlete (one for test/ and bench/)', () => {
  it('answers per API path (V3 and V2 paths), records calls, and 404s unknown APIs', async () => {
    const fake = await startFakeAuthlete({ answers: { 'auth/token': { body: { action: 'OK' } } } });
    try {
      const v3 = await fetch(`${fake.url}/api/42/auth/token?x=1`, {
        method: 'POST',
        body: '{"parameters":"a=b"}',
      });
      expect(v3.status).toBe(200);
      expect(await v3.json()).toEqual({ action: 'OK' });
      expect((await fetch(`${fake.url}/api/auth/token`, { method: 'POST' })).status).toBe(200);
      expect((await fetch(`${fake.url}/api/42/auth/nothing`)).status).toBe(404);
      expect(fake.callsTo('auth/token')).toMatchObject([
        {
          method: 'POST',
          path: '/api/42/auth/token',
          query: { x: '1' },
          body: { parameters: 'a=b' },
        },
        { path: '/api/auth/token', body: undefined },
      ]);
    } finally {
      await fake.close();
    }
  });

  it('computes answers from the call, and layers faults over them (once, per API, everywhere)', async () => {
    const fake = await startFakeAuthlete({ fallback: { body: { action: 'OK' } } });
    const status = async (api: string) => (await fetch(`${fake.url}/api/1/${api}`)).status;
    try {
      fake.on('echo', (call) => ({ status: 201, body: { got: call.query.q } }));
      expect(await (await fetch(`${fake.url}/api/1/echo?q=hi`)).json()).toEqual({ got: 'hi' });
      fake.faultNext('a', { kind: 'status', status: 503 }, 1);
      expect([await status('a'), await status('a')]).toEqual([503, 200]);
      fake.fault({ kind: 'status', status: 500 }, 'b');
      expect([await status('a'), await status('b')]).toEqual([200, 500]);
      fake.fault({ kind: 'garbage' });
      expect(await (await fetch(`${fake.url}/api/1/b`)).text()).toContain('not json');
      fake.fault({ kind: 'none' });
      expect(await status('b')).toBe(200);
    } finally {
      await fake.close();
    }
  });

  it('goes down (connection refused) and comes back on the same port', async () => {
    const fake = await startFakeAuthlete({ fallback: { body: {} } });
    try {
      await fake.down();
      await expect(fetch(`${fake.url}/api/1/x`)).rejects.toThrow();
      await fake.up();
      expect((await fetch(`${fake.url}/api/1/x`)).status).toBe(200);
    } finally {
      await fake.close();
    }
  });

  it('keeps no calls when recording is off (load generation)', async () => {
    const fake = await startFakeAuthlete({ record: false, fallback: { body: {} } });
    try {
      await fetch(`${fake.url}/api/1/x`);
      expect(fake.calls).toHaveLength(0);
      expect(fake.connections).toBeGreaterThanOrEqual(1);
    } finally {
      await fake.close();
    }
  });
});
