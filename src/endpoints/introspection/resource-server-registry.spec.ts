import { timingSafeEqual } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerFiles } from '../../config/server-files';
import { ResourceServerRegistry } from './resource-server-registry';

async function registry(content: string): Promise<ResourceServerRegistry> {
  const file = join(await mkdtemp(join(tmpdir(), 'rs-')), 'resource-servers.json');
  await writeFile(file, content);
  const created = new ResourceServerRegistry({ resourceServersFile: file } as ServerFiles);
  await created.onModuleInit();
  return created;
}

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, timingSafeEqual: jest.fn(actual.timingSafeEqual) };
});

describe('ResourceServerRegistry', () => {
  const file = JSON.stringify({ resourceServers: [{ id: 'rs', secret: 's3cret' }] });

  it('accepts the registered id and secret only', async () => {
    const servers = await registry(file);
    expect(servers.verify('rs', 's3cret')).toBe(true);
    expect(servers.verify('rs', 's3cre')).toBe(false);
    expect(servers.verify('rs', 's3cret ')).toBe(false);
    expect(servers.verify('other', 's3cret')).toBe(false);
  });

  it('compares in constant time, for unknown ids too', async () => {
    const servers = await registry(file);
    const spy = jest.mocked(timingSafeEqual);
    spy.mockClear();
    servers.verify('rs', 'x');
    servers.verify('unknown', 'x');
    expect(spy).toHaveBeenCalledTimes(2);
    for (const [a, b] of spy.mock.calls) expect(a.byteLength).toBe(b.byteLength);
  });

  it.each([
    ['not JSON', '{'],
    ['no array', '{"resourceServers":{}}'],
    ['an empty secret', '{"resourceServers":[{"id":"a","secret":""}]}'],
  ])('refuses a file with %s, naming RESOURCE_SERVERS_FILE', async (_why, content) => {
    await expect(registry(content)).rejects.toThrow(/^RESOURCE_SERVERS_FILE /);
  });
});
