import { join, resolve } from 'node:path';
import { resolveServerFiles } from './server-files';
import { normaliseRoutePrefix } from './route-prefix';

describe('resolveServerFiles', () => {
  const shipped = '/opt/pkg/config';

  it('defaults to the shipped config/ folder, whatever the working directory', () => {
    const files = resolveServerFiles({}, {}, shipped);
    expect(files.engineConfig).toBe(join(shipped, 'engine.json'));
    expect(files.usersFile).toBe(join(shipped, 'users.json'));
    expect(files.resourceServersFile).toBe(join(shipped, 'resource-servers.json'));
    expect(files.trustedIssuersFile).toBe(join(shipped, 'trusted-issuers.json'));
  });

  it('an explicit option wins over the environment, which wins over CONFIG_DIR', () => {
    const env = { CONFIG_DIR: '/etc/oauth', USERS_FILE: 'local/users.json' };
    const files = resolveServerFiles({ engineConfig: '/srv/engine.json' }, env, shipped);
    expect(files.engineConfig).toBe('/srv/engine.json');
    expect(files.usersFile).toBe(resolve('local/users.json'));
    expect(files.resourceServersFile).toBe('/etc/oauth/resource-servers.json');
  });

  it('production trusts no issuer unless a file is named', () => {
    expect(resolveServerFiles({}, { NODE_ENV: 'production' }, shipped).trustedIssuersFile).toBe(
      undefined,
    );
  });
});

describe('normaliseRoutePrefix', () => {
  it.each([
    [undefined, ''],
    ['', ''],
    ['/', ''],
    ['oauth', '/oauth'],
    ['/oauth/', '/oauth'],
    ['a/b', '/a/b'],
  ])('%p → %p', (value, expected) => {
    expect(normaliseRoutePrefix(value)).toBe(expected);
  });

  it.each(['..', 'a b', 'a?b', '%2e'])('refuses %p', (value) => {
    expect(() => normaliseRoutePrefix(value)).toThrow(/ROUTE_PREFIX/);
  });
});
