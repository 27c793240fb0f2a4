import { ExpiringStore, StoreFullError } from '../src/store/expiring-store';
import { form, serviceToken } from './flow-helpers';
import { EngineHarness } from './harness';

describe('bounded memory (issue 3 item 8)', () => {
  it('ExpiringStore hides expired items, sweeps them and refuses past its cap', () => {
    let now = 0;
    const removed: string[] = [];
    const store = new ExpiringStore<{ expiresAt: number }>(
      'thing',
      2,
      () => now,
      (key) => removed.push(key),
    );
    store.add('a', { expiresAt: 10 });
    store.add('b', { expiresAt: 20 });
    expect(() => store.add('c', { expiresAt: 30 })).toThrow(StoreFullError);
    now = 15;
    expect(store.get('a')).toBeUndefined();
    store.add('c', { expiresAt: 30 });
    now = 25;
    expect(store.sweep()).toBe(1);
    expect(store.size).toBe(1);
    expect(removed).toEqual(['a', 'b']);
    expect(store.take('c')).toEqual({ expiresAt: 30 });
    expect(store.take('c')).toBeUndefined();
  });

  it('answers an API-level 503 {resultCode,resultMessage} when a store is full', async () => {
    const engine = await EngineHarness.create((config) => {
      config.service.storeCaps = { accessTokens: 2 };
    });
    try {
      await serviceToken(engine);
      await serviceToken(engine);
      const response = await engine.call('/auth/token', {
        parameters: form({ grant_type: 'client_credentials' }),
        clientId: 'demo-service',
        clientSecret: 'demo-service-secret',
      });
      expect(response.status).toBe(503);
      expect(Object.keys(response.body).sort()).toEqual(['resultCode', 'resultMessage']);
      expect(response.body.resultCode).toMatch(/^A\d{3}1\d{2}$/);
      engine.advance(3601);
      expect(engine.built.context.stores.sweep()).toBe(2);
      await serviceToken(engine);
    } finally {
      await engine.close();
    }
  });

  it('every stored item expires: tickets, codes, tokens and request URIs are swept', async () => {
    const engine = await EngineHarness.create();
    try {
      await engine.call('/auth/authorization', {
        parameters: 'response_type=code&client_id=demo-special',
      });
      await serviceToken(engine);
      const { stores } = engine.built.context;
      expect(stores.tickets.size + stores.accessTokens.size).toBe(2);
      engine.advance(86400 * 2);
      stores.sweep();
      expect(stores.tickets.size + stores.accessTokens.size).toBe(0);
    } finally {
      await engine.close();
    }
  });
});
