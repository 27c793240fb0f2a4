import { MemoryDueSchedule } from './due-schedule';
import { MemoryStoreSpaces } from './memory-store-spaces';
import { SessionExpirySchedule } from './session-expiry-schedule';

describe('SessionExpirySchedule (in memory)', () => {
  const schedule = () => new SessionExpirySchedule(new MemoryStoreSpaces());

  it('hands out each ended session once, keeps the others, and forgets on request', async () => {
    const expiry = schedule();
    await expiry.watch('a', 1_000);
    await expiry.watch('b', 5_000);
    await expiry.watch('c', 2_000);
    await expiry.forget('c');
    expect(await expiry.takeEnded(999)).toEqual([]);
    expect(await expiry.takeEnded(1_000)).toEqual(['a']);
    expect(await expiry.takeEnded(10_000)).toEqual(['b']);
    expect(await expiry.takeEnded(10_000)).toEqual([]);
  });

  it('watching a session again moves its end', async () => {
    const expiry = schedule();
    await expiry.watch('a', 1_000);
    await expiry.watch('a', 9_000);
    expect(await expiry.takeEnded(5_000)).toEqual([]);
    expect(await expiry.takeEnded(9_000)).toEqual(['a']);
  });
});

describe('MemoryDueSchedule', () => {
  it('holds at most its cap, dropping the first put on', async () => {
    const due = new MemoryDueSchedule(2);
    await due.watch('a', 1_000);
    await due.watch('b', 2_000);
    await due.watch('c', 3_000);
    expect(due.size).toBe(2);
    expect(await due.takeDue(10_000, 10)).toEqual(['b', 'c']);
  });

  it('takes at most the limit; the rest stays for the next take', async () => {
    const due = new MemoryDueSchedule();
    for (const id of ['a', 'b', 'c']) await due.watch(id, 1_000);
    expect(await due.takeDue(1_000, 2)).toEqual(['a', 'b']);
    expect(await due.takeDue(1_000, 2)).toEqual(['c']);
  });
});
