import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { AuthleteEnvelope, BackchannelAuthenticationResponse } from '../../authlete/types';
import type { ClientPresentation } from '../../http/client-request.reader';
import { unexpectedAction } from '../../http/unexpected-action';
import type { BackchannelRouteAction } from './backchannel-authentication.actions';
import { AuthenticationDevice } from './authentication-device';
import { CibaUserResolver } from './ciba-user-resolver';

const SERVER_ERROR =
  '{"error":"server_error","error_description":"The request could not be issued."}';

/**
 * The backchannel authentication endpoint (OpenID Connect CIBA Core §7): `/backchannel/authentication`,
 * then on USER_IDENTIFICATION the user is resolved ({@link CibaUserResolver}) and either
 * `/backchannel/authentication/fail` answers the client, or `/issue` gives the `auth_req_id` and the
 * request goes to the {@link AuthenticationDevice}. Every action of the three APIs is handled.
 */
@Injectable()
export class BackchannelAuthenticationService {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly resolver: CibaUserResolver,
    private readonly device: AuthenticationDevice,
  ) {}

  async authenticate(
    parameters: string,
    client: ClientPresentation,
  ): Promise<AuthleteEnvelope<BackchannelRouteAction>> {
    const response = await this.authlete.call('backchannelAuthentication', {
      parameters,
      ...client,
    });
    switch (response.action) {
      case 'BAD_REQUEST':
      case 'UNAUTHORIZED':
      case 'INTERNAL_SERVER_ERROR':
        return { ...response, action: response.action };
      case 'USER_IDENTIFICATION':
        return this.identified(response);
      default:
        return unexpectedAction('backchannel/authentication', response.action);
    }
  }

  private async identified(
    response: BackchannelAuthenticationResponse,
  ): Promise<AuthleteEnvelope<BackchannelRouteAction>> {
    const ticket = response.ticket ?? '';
    const identity = await this.resolver.identify(response);
    if (!identity.ok) {
      const failed = await this.authlete.call('backchannelAuthenticationFail', {
        ticket,
        reason: identity.reason,
        errorDescription: identity.description,
      });
      switch (failed.action) {
        case 'BAD_REQUEST':
        case 'FORBIDDEN':
        case 'INTERNAL_SERVER_ERROR':
          return { ...failed, action: failed.action };
        default:
          return unexpectedAction('backchannel/authentication/fail', failed.action);
      }
    }
    const issued = await this.authlete.call('backchannelAuthenticationIssue', { ticket });
    switch (issued.action) {
      case 'OK':
        await this.device.deliver({
          ticket,
          authReqId: issued.authReqId ?? '',
          subject: identity.subject,
          clientId: response.clientIdAlias ?? String(response.clientId ?? ''),
          clientName:
            response.clientName ?? response.clientIdAlias ?? String(response.clientId ?? ''),
          scopes: response.scopes ?? [],
          acrs: response.acrs ?? [],
          bindingMessage: response.bindingMessage,
          deliveryMode: response.deliveryMode ?? 'POLL',
          expiresAt: Date.now() + (issued.expiresIn ?? 0) * 1000,
        });
        return { ...issued, action: 'OK' };
      case 'INTERNAL_SERVER_ERROR':
      case 'INVALID_TICKET':
        return {
          ...issued,
          action: 'INTERNAL_SERVER_ERROR',
          responseContent: issued.responseContent ?? SERVER_ERROR,
        };
      default:
        return unexpectedAction('backchannel/authentication/issue', issued.action);
    }
  }
}
