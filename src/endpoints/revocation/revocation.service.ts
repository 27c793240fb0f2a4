import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { RevocationResponse } from '../../authlete/types';
import type { ClientPresentation } from '../../http/client-request.reader';

/**
 * Token revocation (RFC 7009 §2.1): the raw form body and the client's credentials go to
 * `/auth/revocation`, whose action the revocation action map answers.
 */
@Injectable()
export class RevocationService {
  constructor(private readonly authlete: AuthleteService) {}

  /** Revokes the token named in `parameters` (the form body exactly as sent). */
  revoke(parameters: string, client: ClientPresentation): Promise<RevocationResponse> {
    // DPoP and htm/htu do not apply to revocation (authlete-api.md §8.5).
    const { dpop: _dpop, htm: _htm, htu: _htu, ...credentials } = client;
    return this.authlete.call('revocation', { parameters, ...credentials });
  }
}
