import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { logoutConfig, type LogoutConfig } from '../../config/logout.config';
import { SessionExpirySchedule } from '../../session/session-expiry-schedule';
import { SessionLogout } from './session-logout';

/**
 * Back-channel logout on session expiry (OpenID Connect Back-Channel Logout 1.0 §2.7: "the OP
 * sends logout requests when the End-User's session ends", however it ends). Every
 * `LOGOUT_EXPIRY_SWEEP_MS` the login sessions whose fixed lifetime is over are taken from the
 * {@link SessionExpirySchedule} and their relying parties notified; a session already ended by a
 * logout has no relying parties left, so nobody is told twice. With `REDIS_URL` the schedule is
 * shared: each ended session goes to one instance's sweep, and a restart loses none.
 */
@Injectable()
export class SessionExpiryNotifier implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionExpiryNotifier.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly schedule: SessionExpirySchedule,
    private readonly logout: SessionLogout,
    @Inject(logoutConfig.KEY) private readonly config: LogoutConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.expirySweepMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Notifies the relying parties of every session ended by `nowMs`; resolves when all are done. */
  async sweep(nowMs: number = Date.now()): Promise<number> {
    let ended: string[];
    try {
      ended = await this.schedule.takeEnded(nowMs);
    } catch (error) {
      // The store is down (Redis): the sessions stay on the schedule for the next sweep.
      this.logger.error(`session expiry sweep failed: ${(error as Error).message}`);
      return 0;
    }
    await Promise.all(
      ended.map((sid) =>
        this.logout.notifyAll(sid).catch((error: unknown) => {
          this.logger.error(`back-channel logout on expiry failed: ${(error as Error).message}`);
        }),
      ),
    );
    return ended.length;
  }
}
