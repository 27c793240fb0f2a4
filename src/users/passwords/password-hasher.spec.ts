import { hashPassword } from '../password-hash';
import { hashArgon2, parseArgon2 } from './argon2-hash';
import { PasswordHasher } from './password-hasher';

const ARGON = { memoryKiB: 8192, timeCost: 1, parallelism: 1 };
const STRONGER = { memoryKiB: 16384, timeCost: 2, parallelism: 1 };
const SCRYPT = { N: 1024, r: 8, p: 1 };

describe('PasswordHasher (argon2id RFC 9106, scrypt RFC 7914)', () => {
  const argonPolicy = new PasswordHasher({ algorithm: 'argon2id', argon2: ARGON });

  it('hashes argon2id in PHC format and verifies only the right password', async () => {
    const text = await argonPolicy.hash('correct horse');
    expect(parseArgon2(text)?.cost).toEqual(ARGON);
    expect(await argonPolicy.check('correct horse', text)).toEqual({
      matches: true,
      needsRehash: false,
    });
    expect(await argonPolicy.check('correct horse ', text)).toEqual({
      matches: false,
      needsRehash: false,
    });
  });

  it('verifies scrypt hashes and asks to re-hash them under an argon2id policy', async () => {
    const text = await hashPassword('pw', SCRYPT);
    expect(await argonPolicy.check('pw', text)).toEqual({ matches: true, needsRehash: true });
    expect(await argonPolicy.check('other', text)).toEqual({ matches: false, needsRehash: false });
  });

  it('asks to re-hash an argon2id hash whose cost is below the policy', async () => {
    const stronger = new PasswordHasher({ algorithm: 'argon2id', argon2: STRONGER });
    const weak = await hashArgon2('pw', ARGON);
    expect(await stronger.check('pw', weak)).toEqual({ matches: true, needsRehash: true });
    const strong = await hashArgon2('pw', STRONGER);
    expect(await argonPolicy.check('pw', strong)).toEqual({ matches: true, needsRehash: false });
  });

  it('under a scrypt policy, re-hashes a cheaper scrypt hash but keeps argon2id', async () => {
    const scrypt = new PasswordHasher({ algorithm: 'scrypt', scrypt: { N: 2048, r: 8, p: 1 } });
    expect(await scrypt.check('pw', await hashPassword('pw', SCRYPT))).toEqual({
      matches: true,
      needsRehash: true,
    });
    expect(await scrypt.check('pw', await hashArgon2('pw', ARGON))).toEqual({
      matches: true,
      needsRehash: false,
    });
    expect(await scrypt.hash('pw')).toMatch(/^\$scrypt\$N=2048,r=8,p=1\$/);
  });

  it.each(['', 'plain', '$argon2i$v=19$m=8192,t=1,p=1$c2FsdHNhbHQ$aGFzaA', '$bcrypt$x'])(
    'never matches an unsupported stored value %j',
    async (stored) => {
      expect(await argonPolicy.check('plain', stored)).toEqual({
        matches: false,
        needsRehash: false,
      });
      expect(PasswordHasher.isSupported(stored)).toBe(false);
    },
  );

  it('parses m, t and p in any order', () => {
    expect(parseArgon2('$argon2id$v=19$m=8192,p=1,t=2$c2FsdHNhbHQ$aGFzaGhhc2g')?.cost).toEqual({
      memoryKiB: 8192,
      timeCost: 2,
      parallelism: 1,
    });
  });
});
