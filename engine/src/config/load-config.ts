import { readFileSync } from 'node:fs';
import type { JWK } from 'jose';
import { ClientRegistry } from '../model/client-registry';
import type { Service } from '../model/service';
import { ConfigObject, EngineConfigError } from './config-reader';
import type { EngineConfig } from './engine-config';
import { parseClient } from './parse-client';
import { parseService, parseServiceJwks } from './parse-service';

/** The validated configuration the engine runs on. */
export interface EngineSettings {
  service: Service;
  clients: ClientRegistry;
  /** Service access token from the file, if any. */
  accessToken?: string;
  /** Private signing keys from the file, if any. */
  signingKeys?: JWK[];
}

function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new EngineConfigError(path, `cannot be read: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new EngineConfigError(path, `is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Loads and validates the engine configuration (issue 3 item 6).
 * @param source the configuration object, or the path of a JSON file.
 * @param issuerOverride replaces the service issuer and the base of its endpoint URLs.
 * @throws EngineConfigError naming the first invalid field.
 */
export function loadEngineSettings(
  source: EngineConfig | string,
  issuerOverride?: string,
): EngineSettings {
  const root = ConfigObject.from(typeof source === 'string' ? readJsonFile(source) : source, '');
  const serviceReader = root.optionalObject('service');
  if (serviceReader === undefined) throw new EngineConfigError('service', 'is required');
  const service = parseService(serviceReader, issuerOverride);
  const seen = new Set<string>();
  const clients = root.objectArray('clients').map((reader) => {
    const client = parseClient(reader, service);
    for (const identifier of [client.clientIdAlias, String(client.clientId)]) {
      if (seen.has(identifier)) {
        throw new EngineConfigError(
          reader.path,
          `duplicates the client identifier "${identifier}"`,
        );
      }
      seen.add(identifier);
    }
    return client;
  });
  return {
    service,
    clients: new ClientRegistry(clients),
    accessToken: serviceReader.optionalString('accessToken'),
    signingKeys: parseServiceJwks(serviceReader),
  };
}
