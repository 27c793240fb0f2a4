/** Control characters a terminal sends while a secret is typed. */
const ENTER = ['\r', '\n', '\u0004'];
const BACKSPACE = ['\u007f', '\b'];
const INTERRUPT = '\u0003';

/** Thrown when the person pressed Ctrl-C at a prompt. */
export class PromptInterrupted extends Error {
  override readonly name = 'PromptInterrupted';
}

/**
 * Reads one line from a terminal without echoing it: the prompt goes to stderr, keys are read in
 * raw mode, Backspace edits, Enter ends, Ctrl-C rejects with {@link PromptInterrupted}.
 */
export function readSecretFromTty(prompt: string, input = process.stdin): Promise<string> {
  return new Promise((resolve, reject) => {
    process.stderr.write(prompt);
    let secret = '';
    const finish = (error?: Error): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(secret);
    };
    const onData = (chunk: Buffer): void => {
      for (const char of chunk.toString('utf8')) {
        if (char === INTERRUPT) return finish(new PromptInterrupted('interrupted'));
        if (ENTER.includes(char)) return finish();
        if (BACKSPACE.includes(char)) secret = [...secret].slice(0, -1).join('');
        else if (char >= ' ') secret += char;
      }
    };
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/** Reads everything piped to stdin and drops one trailing line break. */
export async function readSecretFromPipe(
  input: NodeJS.ReadableStream = process.stdin,
): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
