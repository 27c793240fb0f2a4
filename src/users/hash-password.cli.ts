/**
 * `npm run -s hash-password`: prints a password hash for a user store. argon2id by default
 * (`PASSWORD_HASH` and `PASSWORD_ARGON2_*` as for the server, for the SQL and LDAP stores);
 * `--scrypt` writes the `$scrypt$` format the file store (USERS_FILE) reads. Either way the hash is
 * checked with the verifier the stores use before it is printed. The password is never taken from
 * the command line (shell history, `ps`) nor echoed: on a terminal it is asked twice without echo;
 * otherwise it is read from stdin (`printf '%s' "$PASSWORD" | npm run -s hash-password`). Only the
 * hash goes to stdout.
 */
import { hashPassword, parseHash } from './password-hash';
import { PasswordHasher } from './passwords/password-hasher';
import { DEFAULT_ARGON2, DEFAULT_PASSWORD_POLICY } from './passwords/password-policy';
import { PromptInterrupted, readSecretFromPipe, readSecretFromTty } from './read-secret';

const USAGE =
  'usage: npm run -s hash-password [-- --scrypt]   (type the password when asked, or pipe it to stdin)\n';

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

async function readPassword(): Promise<string | undefined> {
  if (!process.stdin.isTTY) return readSecretFromPipe();
  const first = await readSecretFromTty('Password: ');
  const second = await readSecretFromTty('Again: ');
  if (first !== second) {
    process.stderr.write('The two entries differ; nothing was hashed.\n');
    return undefined;
  }
  return first;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // Anything but the one flag may be a password typed on the command line: refuse, never echo it.
  if (args.some((arg) => arg !== '--scrypt')) {
    process.stderr.write(`hash-password takes no password argument.\n${USAGE}`);
    return 2;
  }
  const scrypt = args.includes('--scrypt') || process.env['PASSWORD_HASH'] === 'scrypt';
  const password = await readPassword();
  if (password === undefined) return 1;
  if (password.length === 0) {
    process.stderr.write(`The password is empty; nothing was hashed.\n${USAGE}`);
    return 1;
  }
  const hash = scrypt
    ? await hashPassword(password)
    : await new PasswordHasher({ algorithm: 'argon2id', argon2: argon2Cost() }).hash(password);
  // The hash round-trips through the verifier the user stores use.
  const check = await new PasswordHasher(DEFAULT_PASSWORD_POLICY).check(password, hash);
  if (!check.matches || (scrypt && parseHash(hash) === undefined)) {
    process.stderr.write('The new hash does not verify; nothing was printed.\n');
    return 1;
  }
  process.stdout.write(`${hash}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (!(error instanceof PromptInterrupted)) {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    }
    process.exitCode = error instanceof PromptInterrupted ? 130 : 1;
  },
);
