import { Logger } from '@nestjs/common';
import type { LogoutConfig } from '../../config/logout.config';
import type { SessionExpirySchedule } from '../../session/session-expiry-schedule';
import { SessionExpiryNotifier } from './session-expiry-notifier';
import type { SessionLogout } from './session-logout';

describe('SessionExpiryNotifier.sweep', () => {
  afterEach(() => jest.restoreAllMocks());

  function notifier(takeEnded: () => Promise<string[]>, notifyAll: (sid: string) => Promise<void>) {
    const schedule = { takeEnded } as unknown as SessionExpirySchedule;
    const logout = { notifyAll } as unknown as SessionLogout;
    return new SessionExpiryNotifier(schedule, logout, { expirySweepMs: 30_000 } as LogoutConfig);
  }

  it('notifies the relying parties of every ended session', async () => {
    const notifyAll = jest.fn().mockResolvedValue(undefined);
    const sweep = notifier(() => Promise.resolve(['sid-1', 'sid-2']), notifyAll);
    await expect(sweep.sweep(5_000)).resolves.toBe(2);
    expect(notifyAll.mock.calls).toEqual([['sid-1'], ['sid-2']]);
  });

  it('a store that is down (Redis) is logged and leaves the schedule for the next sweep', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const notifyAll = jest.fn();
    const sweep = notifier(() => Promise.reject(new Error('Connection is closed.')), notifyAll);
    await expect(sweep.sweep(5_000)).resolves.toBe(0);
    expect(notifyAll).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledWith('session expiry sweep failed: Connection is closed.');
  });
});
