import { type AuthleteConnection, apiPath, authorizationHeader } from './authlete-connection';

const base = {
  baseUrl: 'https://us.authlete.com',
  serviceId: '715948317',
  timeoutMs: 1000,
  maxSockets: 8,
};
const v3: AuthleteConnection = { ...base, apiVersion: 'V3', accessToken: 'svc-token' };
const v2: AuthleteConnection = { ...base, apiVersion: 'V2', apiSecret: 's3cr:t' };

describe('Authlete connection (authlete-api.md §1.1, §1.2)', () => {
  it('V3 puts the service id in the path and sends the service access token as Bearer', () => {
    expect(apiPath(v3, 'auth/token')).toBe('/api/715948317/auth/token');
    expect(authorizationHeader(v3)).toBe('Bearer svc-token');
  });

  it('V2 has no service id in the path and sends Basic base64(apikey:secret)', () => {
    expect(apiPath(v2, 'auth/token')).toBe('/api/auth/token');
    const header = authorizationHeader(v2);
    expect(header).toBe(`Basic ${Buffer.from('715948317:s3cr:t').toString('base64')}`);
  });
});
