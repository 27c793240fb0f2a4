import { Injectable } from '@nestjs/common';
import { AuthenticationDevice, type CibaRequest } from './authentication-device';
import { PendingCibaRequests } from './pending-ciba-requests';

/**
 * The built-in demo authentication device: requests wait in {@link PendingCibaRequests} until the
 * user signs in at `/api/backchannel/device` and approves or denies them there.
 */
@Injectable()
export class DemoAuthenticationDevice extends AuthenticationDevice {
  constructor(private readonly pending: PendingCibaRequests) {
    super();
  }

  override deliver(request: CibaRequest): Promise<void> {
    return this.pending.add(request);
  }
}
