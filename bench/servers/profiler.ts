import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

/** Parent → child messages that bracket one measured run with a CPU profile. */
export type ProfileMessage = { type: 'profile-start' } | { type: 'profile-stop'; file: string };

let session: Session | undefined;

function post(method: string, params?: object): Promise<unknown> {
  return new Promise((resolve, reject) => {
    session!.post(method, params ?? {}, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function handle(message: ProfileMessage): Promise<void> {
  if (message.type === 'profile-start') {
    session ??= new Session();
    session.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 500 });
    await post('Profiler.start');
    return;
  }
  if (!session) return;
  const { profile } = (await post('Profiler.stop')) as { profile: unknown };
  session.disconnect();
  session = undefined;
  writeFileSync(message.file, JSON.stringify(profile));
  process.send?.({ type: 'profile-written', file: message.file });
}

/**
 * Lets the parent profile exactly one measured run (no start-up, no warm-up) through the inspector:
 * the same `.cpuprofile` format as `node --cpu-prof`.
 */
export function acceptProfileRequests(): void {
  process.on('message', (message: ProfileMessage) => {
    if (message.type !== 'profile-start' && message.type !== 'profile-stop') return;
    handle(message).catch((error: unknown) => {
      process.stderr.write(`profiler: ${String(error)}\n`);
      process.send?.({ type: 'profile-written', file: '' });
    });
  });
}
