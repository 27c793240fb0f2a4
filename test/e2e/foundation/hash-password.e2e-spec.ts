import { parseHash, verifyPassword } from '../../../src/users/password-hash';
import { PasswordHasher } from '../../../src/users/passwords/password-hasher';
import { type Exit, spawnTs, untilExit } from '../../support/spawn-main';

function hashPasswordCli(stdin: string, args: string[] = []): Promise<Exit> {
  const child = spawnTs('src/users/hash-password.cli.ts', args, {});
  const exited = untilExit(child);
  child.stdin.end(stdin);
  return exited;
}

describe('npm run hash-password (src/users/hash-password.cli.ts)', () => {
  it('--scrypt hashes a piped password in the format the file user store reads, and prints only the hash', async () => {
    const run = await hashPasswordCli('correct horse battery staple\n', ['--scrypt']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).not.toContain('correct horse');
    const lines = run.stdout.split('\n');
    expect(lines).toHaveLength(2);
    const parsed = parseHash(lines[0]!);
    expect(parsed).toBeDefined();
    expect(await verifyPassword('correct horse battery staple', parsed!)).toBe(true);
    expect(await verifyPassword('correct horse battery staple\n', parsed!)).toBe(false);
  }, 60000);

  it('by default prints an argon2id hash the SQL and LDAP stores verify', async () => {
    const run = await hashPasswordCli('correct horse battery staple');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const hash = run.stdout.trim();
    expect(hash).toMatch(/^\$argon2id\$/);
    const hasher = new PasswordHasher();
    expect((await hasher.check('correct horse battery staple', hash)).matches).toBe(true);
    expect((await hasher.check('wrong', hash)).matches).toBe(false);
  }, 60000);

  it('refuses a password on the command line (shell history, ps) without echoing it', async () => {
    const run = await hashPasswordCli('', ['hunter2']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('hunter2');
  }, 60000);

  it('refuses an empty password', async () => {
    const run = await hashPasswordCli('\n');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
  }, 60000);
});
