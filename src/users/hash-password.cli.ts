/*
 * Prints a password hash for a user store: `npm run hash-password -- <password>` (or from stdin).
 * argon2id by default (PASSWORD_HASH and PASSWORD_ARGON2_* as for the server); `--scrypt` writes
 * the `$scrypt$` format USERS_FILE needs.
 */
import { hashPassword } from './password-hash';
import { PasswordHasher } from './passwords/password-hasher';
import { DEFAULT_ARGON2 } from './passwords/password-policy';

function argon2Cost(): typeof DEFAULT_ARGON2 {
  const read = (name: string, fallback: number): number => {
    const value = Number.parseInt(process.env[name] ?? '', 10);
    return Number.isFinite(value) ? value : fallback;
  };
  return {
    memoryKiB: read('PASSWORD_ARGON2_MEMORY_KIB', DEFAULT_ARGON2.memoryKiB),
    timeCost: read('PASSWORD_ARGON2_TIME_COST', DEFAULT_ARGON2.timeCost),
    parallelism: read('PASSWORD_ARGON2_PARALLELISM', DEFAULT_ARGON2.parallelism),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const scrypt = args.includes('--scrypt') || process.env['PASSWORD_HASH'] === 'scrypt';
  const fromArgs = args.find((arg) => arg !== '--scrypt');
  const password = fromArgs ?? (await readStdin()).replace(/\r?\n$/, '');
  if (!password) {
    process.stderr.write('usage: npm run hash-password -- [--scrypt] <password>\n');
    process.exitCode = 2;
    return;
  }
  const hash = scrypt
    ? await hashPassword(password)
    : await new PasswordHasher({ algorithm: 'argon2id', argon2: argon2Cost() }).hash(password);
  process.stdout.write(`${hash}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

void main();
