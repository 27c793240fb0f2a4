import { type FakeAuthlete, type FakeAnswer, startFakeAuthlete } from './fake-authlete';

export type { Fault } from './fake-authlete';

/** The fake Authlete preset for the operations tests (faults over a happy default). */
export type FaultAuthlete = FakeAuthlete;

/** Happy answers of the APIs the operations tests drive. */
const DEFAULT_ANSWERS: Record<string, unknown> = {
  'service/configuration': {
    issuer: 'http://localhost:8080',
    token_endpoint: 'http://localhost:8080/api/token',
  },
  'service/jwks/get': { keys: [] },
  'auth/token': { action: 'OK', responseContent: '{"access_token":"fake-at"}' },
  'auth/token/issue': { action: 'OK', responseContent: '{"access_token":"fake-at"}' },
  'auth/introspection/standard': { action: 'OK', responseContent: '{"active":false}' },
  'auth/introspection': { action: 'OK', responseContent: '' },
  'auth/revocation': { action: 'OK', responseContent: '' },
  pushed_auth_req: {
    action: 'CREATED',
    responseContent: '{"request_uri":"urn:x","expires_in":60}',
  },
  'auth/userinfo': { action: 'BAD_REQUEST', responseContent: 'Bearer error="invalid_token"' },
};

/**
 * Starts the one fake Authlete ({@link startFakeAuthlete}) with every API answering happily
 * (`{action:"OK"}` for APIs not listed), ready for `fault`, `faultNext`, `down` and `up`.
 */
export function startFaultAuthlete(): Promise<FaultAuthlete> {
  const answers: Record<string, FakeAnswer> = {};
  for (const [api, body] of Object.entries(DEFAULT_ANSWERS)) answers[api] = { body };
  return startFakeAuthlete({ answers, fallback: { body: { action: 'OK' } } });
}
