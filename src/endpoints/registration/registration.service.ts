import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type { ClientRegistrationResponse } from '../../authlete/types';
import { CallableUris } from './callable-uris';
import { RegistrationPolicy } from './registration-policy';

/** Client metadata as sent (RFC 7591 §2). */
type ClientMetadata = Record<string, unknown>;

/**
 * Dynamic client registration (RFC 7591 §3) and management (RFC 7592 §2) through
 * `/client/registration[/get|/update|/delete]`: a new registration passes the
 * {@link RegistrationPolicy} first, and every registration or update the SSRF check of the URLs
 * the server will call ({@link CallableUris}); the registration access token travels as Authlete's `token`,
 * and Authlete checks it.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly policy: RegistrationPolicy,
    private readonly callableUris: CallableUris,
  ) {}

  /** Registers a client once the policy admits its metadata and initial access token. */
  async register(
    metadata: ClientMetadata,
    bearer: string | undefined,
  ): Promise<ClientRegistrationResponse> {
    const admitted = await this.policy.admit(metadata, bearer);
    await this.callableUris.check(admitted.metadata);
    return this.authlete.call('clientRegistration', {
      json: JSON.stringify(admitted.metadata),
      token: admitted.token,
    });
  }

  /** Reads a client's configuration (RFC 7592 §2.1). */
  read(clientId: string, token: string | undefined): Promise<ClientRegistrationResponse> {
    return this.authlete.call('clientRegistrationGet', { clientId, token });
  }

  /** Replaces a client's metadata (RFC 7592 §2.2). */
  async update(
    clientId: string,
    token: string | undefined,
    metadata: ClientMetadata,
  ): Promise<ClientRegistrationResponse> {
    await this.callableUris.check(metadata);
    return this.authlete.call('clientRegistrationUpdate', {
      clientId,
      token,
      json: JSON.stringify(metadata),
    });
  }

  /** Deletes a client (RFC 7592 §2.3). */
  remove(clientId: string, token: string | undefined): Promise<ClientRegistrationResponse> {
    return this.authlete.call('clientRegistrationDelete', { clientId, token });
  }
}
