import * as oauth from 'oauth4webapi';
import * as client from 'openid-client';
import { exportJWK, importJWK } from 'jose';
import { insecure } from './support/op';
import { useTarget, variants } from './support/variants';

/**
 * Plan oidcc-config-certification-test-plan: module oidcc-discovery-endpoint-verification
 * (OIDC Discovery §3, §4; RFC 8414 §2), checked with oauth4webapi and openid-client.
 */
describe.each(variants())('oidcc-config: discovery ($name)', (variant) => {
  const target = useTarget(variant);
  let metadata: Record<string, unknown>;
  let response: Response;

  beforeAll(async () => {
    response = await fetch(`${target().issuer}/.well-known/openid-configuration`);
    metadata = (await response.clone().json()) as Record<string, unknown>;
  });

  it('[oidcc-discovery-endpoint-verification] answers 200 application/json (EnsureDiscoveryEndpointResponseStatusCodeIs200, CheckDiscoveryEndpointReturnedJsonContentType)', () => {
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  });

  it('[oidcc-discovery-endpoint-verification] issuer equals the URL base, validated by oauth4webapi and openid-client (CheckDiscEndpointIssuer)', async () => {
    expect(metadata.issuer).toBe(target().issuer);
    const as = await oauth.processDiscoveryResponse(
      new URL(target().issuer),
      await oauth.discoveryRequest(new URL(target().issuer), { algorithm: 'oidc', ...insecure }),
    );
    expect(as.issuer).toBe(target().issuer);
    const config = await client.discovery(
      new URL(target().issuer),
      target().confidential.clientId,
      target().confidential.clientSecret,
      undefined,
      { execute: [client.allowInsecureRequests] },
    );
    expect(config.serverMetadata().issuer).toBe(target().issuer);
  });

  it('[oidcc-discovery-endpoint-verification] has the required members (ValidateServerMetadataAgainstSchema, OIDC Discovery §3)', () => {
    for (const member of [
      'issuer',
      'authorization_endpoint',
      'token_endpoint',
      'jwks_uri',
      'response_types_supported',
      'subject_types_supported',
      'id_token_signing_alg_values_supported',
    ]) {
      expect(metadata).toHaveProperty(member);
    }
  });

  it('[oidcc-discovery-endpoint-verification] endpoints are absolute URLs under the issuer host (CheckDiscEndpointAuthorizationEndpoint, CheckDiscEndpointTokenEndpoint, CheckDiscEndpointUserinfoEndpoint, CheckJwksUri)', () => {
    const host = new URL(target().issuer).host;
    for (const member of [
      'authorization_endpoint',
      'token_endpoint',
      'userinfo_endpoint',
      'jwks_uri',
    ]) {
      const url = new URL(metadata[member] as string);
      expect(url.host).toBe(host);
      expect(url.hash).toBe('');
    }
  });

  it('[oidcc-discovery-endpoint-verification] response_types_supported includes code, id_token and code id_token (OIDCCCheckDiscEndpointResponseTypesSupported)', () => {
    expect(metadata.response_types_supported).toEqual(
      expect.arrayContaining(['code', 'id_token', 'code id_token']),
    );
  });

  it('[oidcc-discovery-endpoint-verification] subject_types_supported only has public/pairwise (CheckDiscEndpointSubjectTypesSupported)', () => {
    const types = metadata.subject_types_supported as string[];
    expect(types.length).toBeGreaterThan(0);
    for (const type of types) expect(['public', 'pairwise']).toContain(type);
  });

  it('[oidcc-discovery-endpoint-verification] id_token_signing_alg_values_supported includes RS256 and never none (OIDCCCheckDiscEndpointIdTokenSigningAlgValuesSupported)', () => {
    expect(metadata.id_token_signing_alg_values_supported).toContain('RS256');
    expect(metadata.id_token_signing_alg_values_supported).not.toContain('none');
  });

  it('[oidcc-discovery-endpoint-verification] scopes_supported contains openid and has valid syntax (CheckDiscEndpointScopesSupportedContainsOpenId, CheckDiscEndpointScopesSupportedSyntax)', () => {
    const scopes = metadata.scopes_supported as string[];
    expect(scopes).toContain('openid');
    for (const scope of scopes) expect(scope).toMatch(/^[\x21\x23-\x5B\x5D-\x7E]+$/);
  });

  it('[oidcc-discovery-endpoint-verification] claims_parameter_supported is true and claims_supported lists standard claims (CheckDiscEndpointClaimsParameterSupported, OIDCCCheckDiscEndpointClaimsSupported)', () => {
    expect(metadata.claims_parameter_supported).toBe(true);
    expect(metadata.claims_supported).toEqual(expect.arrayContaining(['sub', 'name', 'email']));
  });

  it('[oidcc-discovery-endpoint-verification] grant_types_supported includes authorization_code (OIDCCCheckDiscEndpointGrantTypesSupported)', () => {
    const grants = (metadata.grant_types_supported as string[] | undefined) ?? [
      'authorization_code',
    ];
    expect(grants).toContain('authorization_code');
  });

  it('[oidcc-discovery-endpoint-verification] locales are BCP 47 tags (CheckDiscEndpointLocalesSyntax)', () => {
    for (const member of ['ui_locales_supported', 'claims_locales_supported']) {
      for (const tag of (metadata[member] as string[] | undefined) ?? []) {
        expect(tag).toMatch(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/);
      }
    }
  });

  it('[oidcc-discovery-endpoint-verification] code_challenge_methods_supported is an array with S256 and without plain (EnsureServerConfigurationCodeChallengeMethodsSupportedIsAnArray)', () => {
    expect(Array.isArray(metadata.code_challenge_methods_supported)).toBe(true);
    expect(metadata.code_challenge_methods_supported).toContain('S256');
  });

  it('[oidcc-discovery-endpoint-verification] RFC 8414 metadata is served with the same issuer (CheckDiscEndpointDiscoveryUrl)', async () => {
    const rfc8414 = await fetch(`${target().issuer}/.well-known/oauth-authorization-server`);
    expect(rfc8414.status).toBe(200);
    const body = (await rfc8414.json()) as Record<string, unknown>;
    expect(body.issuer).toBe(target().issuer);
    const as = await oauth.processDiscoveryResponse(
      new URL(target().issuer),
      await oauth.discoveryRequest(new URL(target().issuer), { algorithm: 'oauth2', ...insecure }),
    );
    expect(as.token_endpoint).toBe(metadata.token_endpoint);
  });

  it('[oidcc-discovery-endpoint-verification] the JWKS is reachable and holds public signing keys only (FetchServerKeys, ValidateServerJWKs)', async () => {
    const jwksResponse = await fetch(metadata.jwks_uri as string);
    expect(jwksResponse.status).toBe(200);
    const { keys } = (await jwksResponse.json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThan(0);
    const kids = new Set<unknown>();
    for (const jwk of keys) {
      expect(jwk).toHaveProperty('kty');
      for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']) {
        expect(jwk).not.toHaveProperty(secret);
      }
      if (jwk.use !== undefined) expect(['sig', 'enc']).toContain(jwk.use);
      kids.add(jwk.kid);
      const alg = (jwk.alg as string | undefined) ?? (jwk.kty === 'EC' ? 'ES256' : 'RS256');
      const key = await importJWK(jwk as Parameters<typeof importJWK>[0], alg);
      expect((await exportJWK(key)).kty).toBe(jwk.kty);
    }
    expect(kids.size).toBe(keys.length);
  });

  it('[oidcc-discovery-endpoint-verification] every advertised signing alg has a key in the JWKS (ValidateServerJWKs)', async () => {
    const { keys } = (await (await fetch(metadata.jwks_uri as string)).json()) as {
      keys: { kty: string; alg?: string; crv?: string }[];
    };
    for (const alg of metadata.id_token_signing_alg_values_supported as string[]) {
      const family = alg.startsWith('ES')
        ? 'EC'
        : alg.startsWith('RS') || alg.startsWith('PS')
          ? 'RSA'
          : 'OKP';
      if (alg.startsWith('HS')) continue;
      expect(
        keys.some((key) => key.kty === family && (key.alg === undefined || key.alg === alg)),
      ).toBe(true);
    }
  });
});
