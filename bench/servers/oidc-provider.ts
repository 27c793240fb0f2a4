/**
 * Server (d): node-oidc-provider@8 with clients equivalent to the demo ones used on (a):
 * `demo-service` (client_credentials, client_secret_basic), `demo-rs` (the introspecting resource
 * server, client_secret_basic) and `demo-web` (authorization code). Tokens are opaque and kept in
 * a Map store like our engine's. The userinfo token is minted through the provider's own models
 * (Grant + AccessToken for `alice`, scope `openid profile email`) — the same artifacts its
 * authorization code flow would store — and handed to the parent at start-up.
 * oidc-provider@8 is ESM-only: loaded with a real dynamic import() from this CommonJS build.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import { announceReady, failStart, portFromEnv, stopWhenAsked } from './lifecycle';
import { MapAdapter } from './oidc-memory-adapter';

const PROFILE = [
  'name',
  'given_name',
  'family_name',
  'middle_name',
  'nickname',
  'preferred_username',
];
const PROFILE_MORE = [
  'profile',
  'picture',
  'website',
  'gender',
  'birthdate',
  'zoneinfo',
  'locale',
  'updated_at',
];

interface DemoUser {
  subject: string;
  username: string;
  claims: Record<string, unknown>;
}

function demoUsers(): Map<string, DemoUser> {
  const file = process.env.USERS_FILE ?? 'config/users.json';
  const { users } = JSON.parse(readFileSync(file, 'utf8')) as { users: DemoUser[] };
  return new Map(users.map((user) => [user.subject, user]));
}

async function signingKeys(): Promise<{ keys: Record<string, unknown>[] }> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    keys: [{ ...(await exportJWK(privateKey)), kid: 'bench-rs256', alg: 'RS256', use: 'sig' }],
  };
}

async function main(): Promise<void> {
  const { default: Provider } = await import('oidc-provider');
  const port = portFromEnv();
  const issuer = `http://127.0.0.1:${port}`;
  const users = demoUsers();
  const provider = new Provider(issuer, {
    adapter: MapAdapter,
    clients: [
      {
        client_id: 'demo-service',
        client_secret: 'demo-service-secret',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        scope: 'read write',
      },
      {
        client_id: 'demo-rs',
        client_secret: 'demo-rs-secret',
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
      {
        client_id: 'demo-web',
        client_secret: 'demo-web-secret',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: ['http://localhost:3000/callback'],
      },
    ],
    scopes: ['openid', 'offline_access', 'read', 'write', 'profile', 'email'],
    claims: {
      openid: ['sub'],
      profile: [...PROFILE, ...PROFILE_MORE],
      email: ['email', 'email_verified'],
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true, allowedPolicy: () => true },
      revocation: { enabled: true },
    },
    ttl: {
      AccessToken: 3600,
      ClientCredentials: 3600,
      Grant: 86400,
      Session: 86400,
      Interaction: 600,
    },
    jwks: await signingKeys(),
    cookies: { keys: ['bench-cookie-key-0123456789abcdef'] },
    findAccount: (_ctx: unknown, id: string) => {
      const user = users.get(id);
      if (!user) return undefined;
      return { accountId: id, claims: () => ({ ...user.claims, sub: id }) };
    },
  });

  const grant = new provider.Grant({ accountId: '1001', clientId: 'demo-web' });
  grant.addOIDCScope('openid profile email');
  const grantId = await grant.save();
  const client = await provider.Client.find('demo-web');
  const userinfoToken = await new provider.AccessToken({
    accountId: '1001',
    client,
    grantId,
    gty: 'authorization_code',
    scope: 'openid profile email',
  }).save();

  const server = createServer({ keepAliveTimeout: 60_000 }, provider.callback());
  server.on('error', failStart);
  server.listen(port, '127.0.0.1', () => announceReady(issuer, { userinfoToken }));
  stopWhenAsked(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
}

main().catch(failStart);
