import { Injectable } from '@nestjs/common';

/**
 * Whether this instance should receive traffic. Graceful shutdown turns it red first, so the load
 * balancer stops routing here while in-flight requests finish.
 */
@Injectable()
export class ReadinessState {
  private drainingSince?: number;

  /** True once shutdown began. */
  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /** Marks the instance as shutting down (readiness answers 503 from now on). */
  markDraining(): void {
    this.drainingSince ??= Date.now();
  }
}
