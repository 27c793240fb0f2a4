import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { PushedAuthReqResponse } from '../../authlete/types';
import type { ClientPresentation } from '../../http/client-request.reader';

/**
 * Pushed authorization requests (RFC 9126 §2.1): the raw form body and the client's presentation
 * go to `/pushed_auth_req`, whose action the PAR action map answers.
 */
@Injectable()
export class ParService {
  constructor(private readonly authlete: AuthleteService) {}

  /** Registers the request; `parameters` is the form body exactly as sent. */
  push(parameters: string, client: ClientPresentation): Promise<PushedAuthReqResponse> {
    return this.authlete.call('pushedAuthReq', { parameters, ...client });
  }
}
