import { CookieJar } from './cookie-jar';

describe('CookieJar (one for test/ and bench/)', () => {
  it('keeps cookies from Set-Cookie lines and sends them back', () => {
    const jar = new CookieJar();
    expect(jar.header()).toBeUndefined();
    jar.store(['sid=abc; Path=/; HttpOnly', 'lang=en']);
    jar.store('theme=dark; Max-Age=60');
    expect(jar.header()).toBe('sid=abc; lang=en; theme=dark');
  });

  it('reads a fetch Response', () => {
    const jar = new CookieJar();
    const headers = new Headers();
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/');
    jar.store(new Response(null, { headers }));
    expect(jar.get('a')).toBe('1');
    expect(jar.get('b')).toBe('2');
  });

  it('deletes a cookie that expires (Max-Age<=0, Expires in the past) or is emptied', () => {
    const jar = new CookieJar();
    jar.store(['a=1', 'b=2', 'c=3', 'd=4']);
    jar.store([
      'a=x; Max-Age=0',
      'b=x; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      'c=; Path=/',
      'd=5; Expires=Fri, 01 Jan 2100 00:00:00 GMT',
    ]);
    expect([...jar]).toEqual([['d', '5']]);
  });
});
