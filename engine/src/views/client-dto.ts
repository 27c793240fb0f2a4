import type { AuthleteClient } from '../../../contract';
import type { Client } from '../model/client';

/**
 * The client as Authlete's `Client` DTO (authlete-api.md §8.15): returned in `client` by
 * `/client/registration*` and as the body of `/client/get/{clientId}`. Null members are left out;
 * the secret and key material never are included.
 */
export function clientDto(client: Client): AuthleteClient {
  const { metadata, registration } = client;
  const metadataText = (name: string): string | undefined => {
    const value = registration?.metadata[name];
    return typeof value === 'string' ? value : undefined;
  };
  return {
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasEnabled: true,
    clientName: metadata.clientName,
    clientType: client.clientType,
    applicationType: metadata.applicationType,
    logoUri: metadata.logoUri,
    tosUri: metadata.tosUri,
    policyUri: metadata.policyUri,
    clientUri: metadata.clientUri,
    redirectUris: client.redirectUris,
    grantTypes: [...client.grantTypes],
    responseTypes: [...client.responseTypes],
    tokenAuthMethod: client.tokenAuthMethod,
    tokenAuthSignAlg: client.tokenAuthSignAlg,
    idTokenSignAlg: client.idTokenSignAlg,
    userInfoSignAlg: client.userInfoSignAlg,
    subjectType: client.subjectType,
    derivedSectorIdentifier: client.sectorIdentifier,
    defaultMaxAge: client.defaultMaxAge,
    defaultAcrs: client.defaultAcrs.length > 0 ? client.defaultAcrs : undefined,
    authTimeRequired: client.authTimeRequired,
    pkceRequired: client.pkceRequired,
    pkceS256Required: client.pkceS256Required,
    softwareId: metadataText('software_id'),
    softwareVersion: metadataText('software_version'),
    backchannelLogoutUri: client.backchannelLogoutUri,
    backchannelLogoutSessionRequired: client.backchannelLogoutSessionRequired ?? false,
    customMetadata: client.customMetadata,
    extension: {
      requestableScopes:
        client.requestableScopes === undefined ? undefined : [...client.requestableScopes],
      requestableScopesEnabled: client.requestableScopes !== undefined,
      accessTokenDuration: client.accessTokenDuration,
      refreshTokenDuration: client.refreshTokenDuration,
      idTokenDuration: client.idTokenDuration,
    },
    dynamicallyRegistered: registration !== undefined,
    createdAt: registration?.createdAt ?? 0,
    modifiedAt: registration?.modifiedAt ?? 0,
  };
}
