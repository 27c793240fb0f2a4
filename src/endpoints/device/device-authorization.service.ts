import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { DeviceAuthorizationResponse } from '../../authlete/types';
import type { ClientPresentation } from '../../http/client-request.reader';

/**
 * The device authorization endpoint (RFC 8628 §3.1): the raw form body and the client's
 * presentation go to `/device/authorization`, whose action the device action map answers.
 */
@Injectable()
export class DeviceAuthorizationService {
  constructor(private readonly authlete: AuthleteService) {}

  /** Starts a device authorization; `parameters` is the form body exactly as sent. */
  authorize(parameters: string, client: ClientPresentation): Promise<DeviceAuthorizationResponse> {
    return this.authlete.call('deviceAuthorization', { parameters, ...client });
  }
}
