import { hashPassword, parseHash, verifyPassword } from './password-hash';

const CHEAP = { N: 1024, r: 8, p: 1 };

describe('password hashes (scrypt, RFC 7914)', () => {
  it('writes $scrypt$N=…,r=…,p=…$salt$key and verifies only the right password', async () => {
    const text = await hashPassword('correct horse', CHEAP);
    expect(text).toMatch(/^\$scrypt\$N=1024,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    const hash = parseHash(text)!;
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horse ', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', CHEAP)).not.toBe(await hashPassword('same', CHEAP));
  });

  it('normalises to NFC, so composed and decomposed input match', async () => {
    const hash = parseHash(await hashPassword('caf\u00e9', CHEAP))!;
    expect(await verifyPassword('cafe\u0301', hash)).toBe(true);
  });

  it('verifies the demo users of config/users.json', async () => {
    const alice =
      '$scrypt$N=16384,r=8,p=1$IbjzdDxechhUwPS5CcAayw==$dG/kiUN9WQN5IKo5Txcg+2LnZKwAtGpNAUhjRufkJoY=';
    expect(await verifyPassword('alice-password', parseHash(alice)!)).toBe(true);
  });

  it.each([
    '',
    'plain',
    '$bcrypt$x',
    '$scrypt$N=a,r=8,p=1$c2FsdA==$a2V5',
    '$scrypt$N=1,r=8,p=1$salt',
  ])('parseHash refuses %j', (text) => {
    expect(parseHash(text)).toBeUndefined();
  });
});
