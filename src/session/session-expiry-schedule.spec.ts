import { SessionExpirySchedule } from './session-expiry-schedule';

describe('SessionExpirySchedule', () => {
  it('hands out each ended session once, keeps the others, and forgets on request', () => {
    const schedule = new SessionExpirySchedule();
    schedule.watch('a', 1_000);
    schedule.watch('b', 5_000);
    schedule.watch('c', 2_000);
    schedule.forget('c');
    expect(schedule.takeEnded(999)).toEqual([]);
    expect(schedule.takeEnded(1_000)).toEqual(['a']);
    expect(schedule.takeEnded(10_000)).toEqual(['b']);
    expect(schedule.size).toBe(0);
  });

  it('watching a session again moves its end', () => {
    const schedule = new SessionExpirySchedule();
    schedule.watch('a', 1_000);
    schedule.watch('a', 9_000);
    expect(schedule.takeEnded(5_000)).toEqual([]);
    expect(schedule.takeEnded(9_000)).toEqual(['a']);
  });
});
