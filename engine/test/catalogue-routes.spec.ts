import { AUTHLETE_APIS, type AuthleteApiName } from '../../contract';
import { ENGINE_ROUTES } from '../src/server/api-definitions';
import { EngineHarness } from './harness';

const names = Object.keys(AUTHLETE_APIS) as AuthleteApiName[];

/** Path segments of the catalogue's templates, filled with demo values (config/engine.json). */
const SEGMENTS: Record<string, string> = { clientId: 'demo-web' };

describe('engine routes derived from the API catalogue', () => {
  let engine: EngineHarness;

  beforeAll(async () => {
    engine = await EngineHarness.create();
  });

  afterAll(async () => {
    await engine.close();
  });

  it('has exactly one route per catalogue entry', () => {
    expect(Object.keys(ENGINE_ROUTES).sort()).toEqual([...names].sort());
  });

  it.each(names.map((name) => [name, AUTHLETE_APIS[name]] as const))(
    '%s is served at its catalogue path and method',
    async (_name, entry) => {
      const body = entry.method === 'GET' ? undefined : {};
      const path = entry.path.replace(/\{(\w+)\}/g, (_whole, name: string) => SEGMENTS[name]!);
      const response = await engine.call(`/${path}`, body, { method: entry.method });
      expect(response.status).toBe(200);
      if (entry.answer === 'action') expect(typeof response.body.action).toBe('string');
      else expect(response.body.action).toBeUndefined();
    },
  );

  it('answers 404 for a path outside the catalogue', async () => {
    const response = await engine.call('/auth/unknown', {});
    expect(response.status).toBe(404);
  });
});
