import type { LookupAddress } from 'node:dns';
import type { OutboundConfig } from '../config/outbound.config';
import { OUTBOUND_REFUSED, OutboundUrlGuard } from './outbound-url-guard';

function guard(config: Partial<OutboundConfig>, addresses: Record<string, string[]> = {}) {
  const instance = new OutboundUrlGuard({ httpsRequired: false, privateHosts: [], ...config });
  instance.useResolver((hostname) => {
    const found = addresses[hostname];
    if (found === undefined) return Promise.reject(new Error('ENOTFOUND'));
    return Promise.resolve(
      found.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  });
  return instance;
}

describe('OutboundUrlGuard (SSRF)', () => {
  it.each([
    'http://127.0.0.1/bcl',
    'http://127.8.9.10/bcl',
    'http://[::1]/bcl',
    'http://[::ffff:127.0.0.1]/bcl',
    'http://10.1.2.3/bcl',
    'http://172.20.0.1/bcl',
    'http://192.168.0.10/bcl',
    'http://169.254.169.254/latest/meta-data',
    'http://[fe80::1]/bcl',
    'http://[fd00::1]/bcl',
    'http://0.0.0.0/bcl',
    'http://100.64.0.1/bcl',
    'http://localhost:3000/bcl',
    'http://app.localhost/bcl',
  ])('refuses %s when no private host is admitted', (uri) => {
    expect(guard({}).refusal(uri)).toEqual(expect.stringContaining('address'));
  });

  it('refuses non-http schemes, credentials, relative URLs and (when required) http', () => {
    const strict = guard({ httpsRequired: true });
    expect(strict.refusal('ftp://rp.example.com/x')).toBe('must be an https URL');
    expect(strict.refusal('http://rp.example.com/x')).toBe('must be an https URL');
    expect(strict.refusal('https://user:pw@rp.example.com/x')).toBe('must not carry credentials');
    expect(strict.refusal('/relative')).toBe('is not an absolute URL');
    expect(strict.refusal('https://rp.example.com/bcl')).toBeUndefined();
    expect(strict.refusal('https://8.8.8.8/bcl')).toBeUndefined();
  });

  it('admits loopback with `loopback`, a listed host, or every address with `*`', () => {
    expect(guard({ privateHosts: ['loopback'] }).refusal('http://127.0.0.1:9/x')).toBeUndefined();
    expect(guard({ privateHosts: ['loopback'] }).refusal('http://localhost:9/x')).toBeUndefined();
    expect(guard({ privateHosts: ['loopback'] }).refusal('http://10.0.0.1/x')).toBeDefined();
    expect(guard({ privateHosts: ['10.0.0.1'] }).refusal('http://10.0.0.1/x')).toBeUndefined();
    expect(guard({ privateHosts: ['*'] }).refusal('http://169.254.169.254/x')).toBeUndefined();
  });

  it('at registration, a name resolving to a private address is refused; an unresolvable one is left to call time', async () => {
    const checker = guard(
      {},
      { 'internal.example': ['10.0.0.7'], 'rp.example': ['93.184.216.34'] },
    );
    await expect(checker.refusalResolved('https://internal.example/bcl')).resolves.toBe(
      'resolves to a loopback, private or link-local address',
    );
    await expect(checker.refusalResolved('https://rp.example/bcl')).resolves.toBeUndefined();
    await expect(checker.refusalResolved('https://nowhere.example/bcl')).resolves.toBeUndefined();
  });

  it('at call time, the lookup refuses a name that now resolves to a private address (DNS rebinding)', async () => {
    const checker = guard({}, { 'rp.example': ['93.184.216.34', '169.254.169.254'] });
    await expect(checker.lookup('rp.example')).rejects.toMatchObject({ code: OUTBOUND_REFUSED });
    const open = guard({ privateHosts: ['rp.example'] }, { 'rp.example': ['10.0.0.2'] });
    await expect(open.lookup('rp.example')).resolves.toEqual([{ address: '10.0.0.2', family: 4 }]);
  });
});
