import type { AuthleteClientInfo, AuthleteServiceInfo } from '../../../contract';
import type { Client } from '../model/client';
import type { Service } from '../model/service';

/**
 * The client as Authlete embeds it in authorization responses (`client_limited_authorization`,
 * authlete-api.md §5): display metadata plus behaviour flags; never the secret or keys.
 */
export function clientView(client: Client): AuthleteClientInfo {
  const { metadata } = client;
  return {
    clientId: client.clientId,
    clientIdAlias: client.clientIdAlias,
    clientIdAliasEnabled: true,
    clientName: metadata.clientName,
    description: metadata.description,
    logoUri: metadata.logoUri,
    tosUri: metadata.tosUri,
    policyUri: metadata.policyUri,
    clientUri: metadata.clientUri,
    clientType: client.clientType,
    applicationType: metadata.applicationType,
    subjectType: client.subjectType,
    derivedSectorIdentifier: client.sectorIdentifier,
    tokenAuthMethod: client.tokenAuthMethod,
    idTokenSignAlg: client.idTokenSignAlg,
    userInfoSignAlg: client.userInfoSignAlg,
    defaultMaxAge: client.defaultMaxAge,
    authTimeRequired: client.authTimeRequired,
    pkceRequired: client.pkceRequired,
    pkceS256Required: client.pkceS256Required,
    parRequired: false,
    requestObjectRequired: false,
    dpopRequired: client.dpopRequired,
    locked: false,
    dynamicallyRegistered: false,
  };
}

/** The service subset Authlete embeds in authorization responses (authlete-api.md §4.1). */
export function serviceView(service: Service): AuthleteServiceInfo {
  return {
    apiKey: service.apiKeyNumber,
    serviceName: service.serviceName,
    issuer: service.issuer,
    clientIdAliasEnabled: true,
  };
}
