/* Prints a scrypt hash for USERS_FILE: `npm run hash-password -- <password>` (or from stdin). */
import { hashPassword } from './password-hash';

async function main(): Promise<void> {
  const fromArgs = process.argv[2];
  const password = fromArgs ?? (await readStdin()).replace(/\r?\n$/, '');
  if (!password) {
    process.stderr.write('usage: npm run hash-password -- <password>\n');
    process.exitCode = 2;
    return;
  }
  process.stdout.write(`${await hashPassword(password)}\n`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

void main();
