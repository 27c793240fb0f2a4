import { registerAs } from '@nestjs/config';
import { readInt, readString } from './env-readers';

/** Which Authlete API generation to speak (authlete-api.md §1.1, §1.2). */
export type AuthleteApiVersion = 'V2' | 'V3';

/**
 * Authlete connection settings (design.md §4). When `baseUrl` is undefined the composition root
 * starts the embedded engine and supplies the connection itself.
 */
export const authleteConfig = registerAs('authlete', () => ({
  baseUrl: readString('AUTHLETE_BASE_URL')?.replace(/\/+$/, ''),
  apiVersion: (readString('AUTHLETE_API_VERSION') ?? 'V3') as AuthleteApiVersion,
  serviceApiKey: readString('AUTHLETE_SERVICE_APIKEY'),
  serviceAccessToken: readString('AUTHLETE_SERVICE_ACCESSTOKEN'),
  serviceApiSecret: readString('AUTHLETE_SERVICE_APISECRET'),
  timeoutMs: readInt('AUTHLETE_TIMEOUT_MS', 10000),
  maxSockets: readInt('AUTHLETE_MAX_SOCKETS', 256),
}));

/** Resolved type of {@link authleteConfig}. */
export type AuthleteConfig = ReturnType<typeof authleteConfig>;
