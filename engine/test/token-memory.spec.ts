import { Grant } from '../src/model/token-grant';
import { randomToken } from '../src/protocol/secrets';
import { serviceToken } from './flow-helpers';
import { EngineHarness } from './harness';

describe('compact token state (issue 16)', () => {
  it('Grant keeps one key per kind without a Set, more in a Set, and forgets removed keys', () => {
    const grant = new Grant();
    expect(grant.accessTokenKeys()).toEqual([]);
    grant.addAccessToken('a1');
    grant.addAccessToken('a1');
    expect(grant.accessTokenKeys()).toEqual(['a1']);
    grant.addAccessToken('a2');
    grant.addRefreshToken('r1');
    expect(grant.accessTokenKeys()).toEqual(['a1', 'a2']);
    grant.removeAccessToken('a1');
    expect(grant.accessTokenKeys()).toEqual(['a2']);
    expect(grant.refreshTokenKeys()).toEqual(['r1']);
    grant.removeRefreshToken('r1');
    expect(grant.refreshTokenKeys()).toEqual([]);
  });

  it('randomToken hands out distinct 256-bit base64url values across refills of its pool', () => {
    const tokens = Array.from({ length: 1000 }, () => randomToken());
    expect(new Set(tokens).size).toBe(1000);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('keeps the stores flat across rounds once tokens expire (periodic sweep)', async () => {
    const engine = await EngineHarness.create();
    try {
      const { stores } = engine.built.context;
      for (let round = 0; round < 3; round += 1) {
        for (let index = 0; index < 200; index += 1) await serviceToken(engine);
        expect(stores.accessTokens.size).toBe(200);
        engine.advance(3601);
        expect(stores.sweep()).toBe(200);
        expect(stores.accessTokens.size).toBe(0);
      }
    } finally {
      await engine.close();
    }
  });
});
