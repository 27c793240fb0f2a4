/** A confidential client registered for the authorization code flow (client_secret_basic/post). */
export interface ConfidentialClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** A second registered redirect URI, when the client has several. */
  otherRedirectUri?: string;
  /** Registered response types beyond `code` (e.g. `code id_token`). */
  responseTypes: string[];
}

/** A public client (token_endpoint_auth_method none) that must use PKCE. */
export interface PublicClient {
  clientId: string;
  redirectUri: string;
}

/** A client whose secret contains characters that must be percent-encoded in Basic auth. */
export interface SpecialSecretClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** A private_key_jwt client with its private key. */
export interface JwtClient {
  clientId: string;
  redirectUri: string;
  privateJwk: Record<string, unknown>;
  alg: string;
}

/** A client allowed to use the resource owner password grant. */
export interface PasswordClient {
  clientId: string;
  clientSecret: string;
}

/** An end-user who can log in on the login page. */
export interface TestUser {
  username: string;
  password: string;
  subject?: string;
}

/**
 * What the conformance checks run against: the offline app on the embedded engine, or a deployment
 * named by `CONFORMANCE_*` variables. Optional members are capabilities; a check needing one that
 * is absent is left out of the remote variant with a printed reason.
 */
export interface ConformanceTarget {
  name: string;
  /** True for the offline app, whose engine configuration the suite controls. */
  local: boolean;
  issuer: string;
  user: TestUser;
  otherUser?: TestUser;
  confidential: ConfidentialClient;
  publicClient?: PublicClient;
  specialSecretClient?: SpecialSecretClient;
  jwtClient?: JwtClient;
  passwordClient?: PasswordClient;
  resourceServer?: { id: string; secret: string };
  close(): Promise<void>;
}
