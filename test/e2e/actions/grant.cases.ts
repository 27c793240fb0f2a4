import type {
  IdTokenReissueAction,
  NativeSsoAction,
  TokenCreateAction,
} from '../../../src/authlete/types';
import { type ActionCase, jsonResponse, relay } from './action-case';
import { tokenRequest, TOKEN_JSON } from './token.cases';

/** Every `/auth/token/create`, `/idtoken/reissue` and `/nativesso` action. */
export const TOKEN_CREATE_ACTIONS = {
  OK: true,
  BAD_REQUEST: true,
  FORBIDDEN: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<TokenCreateAction, true>;
export const ID_TOKEN_REISSUE_ACTIONS = {
  OK: true,
  INTERNAL_SERVER_ERROR: true,
  CALLER_ERROR: true,
} as const satisfies Record<IdTokenReissueAction, true>;
export const NATIVE_SSO_ACTIONS = {
  OK: true,
  INTERNAL_SERVER_ERROR: true,
  CALLER_ERROR: true,
} as const satisfies Record<NativeSsoAction, true>;

const ACCESS_TOKEN_URI = 'urn:ietf:params:oauth:token-type:access_token';
const RESOURCE = 'https://rs.example/api';
const error = (code: string, description: string): string =>
  JSON.stringify({ error: code, error_description: description });

/** `/auth/token` TOKEN_EXCHANGE for one of this server's access tokens of user 1001. */
function exchangeEnvelope(extra: Record<string, unknown> = {}): object {
  return {
    action: 'TOKEN_EXCHANGE',
    grantType: 'TOKEN_EXCHANGE',
    clientId: 1009,
    clientIdAlias: 'demo-exchange',
    subjectToken: 'at-subject',
    subjectTokenType: 'ACCESS_TOKEN',
    subjectTokenInfo: {
      clientId: 1004,
      subject: '1001',
      scopes: [{ name: 'read' }, { name: 'write' }],
      expiresAt: 4102444800000,
    },
    scopes: ['read'],
    audiences: [RESOURCE],
    ...relay('TOKEN_EXCHANGE'),
    ...extra,
  };
}

const EXCHANGE_REQUEST = tokenRequest(
  true,
  'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange',
);
const CREATED = {
  action: 'OK',
  accessToken: 'at-exchanged',
  tokenType: 'Bearer',
  expiresIn: 3600,
  scopes: ['read'],
};

function createRefused(action: TokenCreateAction): ActionCase {
  return {
    title: `TOKEN_EXCHANGE → /auth/token/create ${action} → 500`,
    covers: 'TOKEN_EXCHANGE',
    request: EXCHANGE_REQUEST,
    replies: { 'auth/token': exchangeEnvelope(), 'auth/token/create': { action } },
    expected: jsonResponse(
      500,
      error('server_error', 'The token could not be created.'),
      'TOKEN_EXCHANGE',
    ),
  };
}

const REISSUABLE = {
  action: 'ID_TOKEN_REISSUABLE',
  grantType: 'REFRESH_TOKEN',
  subject: '1001',
  accessToken: 'at-opaque',
  jwtAccessToken: 'at-jwt',
  refreshToken: 'rt-1',
  requestedIdTokenClaims: ['name'],
  responseContent: TOKEN_JSON,
  ...relay('ID_TOKEN_REISSUABLE'),
};
const REISSUED_JSON = '{"access_token":"at-jwt","token_type":"Bearer","id_token":"new.id.token"}';

function reissueFailed(action: IdTokenReissueAction): ActionCase {
  return {
    title: `ID_TOKEN_REISSUABLE → /idtoken/reissue ${action} → 500`,
    covers: 'ID_TOKEN_REISSUABLE',
    request: tokenRequest(true, 'grant_type=refresh_token&refresh_token=rt-0'),
    replies: { 'auth/token': REISSUABLE, 'idtoken/reissue': { action } },
    expected: jsonResponse(
      500,
      error('server_error', 'The ID token could not be reissued.'),
      'ID_TOKEN_REISSUABLE',
    ),
  };
}

/** NATIVE_SSO after a code exchange: the session of the login is `sid-code`. */
const NATIVE_CODE = {
  action: 'NATIVE_SSO',
  grantType: 'AUTHORIZATION_CODE',
  sessionId: 'sid-code',
  accessToken: 'at-native',
  refreshToken: 'rt-native',
  ...relay('NATIVE_SSO'),
};
const NATIVE_JSON =
  '{"access_token":"at-native","token_type":"Bearer","id_token":"x.y.z","device_secret":"ds"}';

function nativeSsoFailed(action: NativeSsoAction): ActionCase {
  return {
    title: `NATIVE_SSO → /nativesso ${action} → 500`,
    covers: 'NATIVE_SSO',
    request: tokenRequest(true, 'grant_type=authorization_code&code=c'),
    replies: { 'auth/token': NATIVE_CODE, nativesso: { action } },
    expected: jsonResponse(
      500,
      error('server_error', 'The Native SSO response failed.'),
      'NATIVE_SSO',
    ),
  };
}

const unsignedJwt = (claims: object): string =>
  `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;

/**
 * The actions the token endpoint resolves with a second Authlete call (authlete-api.md §6.1,
 * §6.4, §7.4–§7.6): what the service sends to `/auth/token/create`, `/idtoken/reissue` and
 * `/nativesso`, and the HTTP answer for each action of those APIs.
 */
export const GRANT_CASES: readonly ActionCase[] = [
  {
    title: 'TOKEN_EXCHANGE → policy → /auth/token/create OK → 200 RFC 8693 §2.2.1 body',
    covers: 'TOKEN_EXCHANGE',
    request: EXCHANGE_REQUEST,
    replies: { 'auth/token': exchangeEnvelope(), 'auth/token/create': CREATED },
    sent: {
      'auth/token/create': {
        grantType: 'TOKEN_EXCHANGE',
        clientId: 1009,
        subject: '1001',
        scopes: ['read'],
        resources: [RESOURCE],
      },
    },
    expected: jsonResponse(
      200,
      JSON.stringify({
        access_token: 'at-exchanged',
        issued_token_type: ACCESS_TOKEN_URI,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'read',
      }),
      'TOKEN_EXCHANGE',
    ),
  },
  createRefused('BAD_REQUEST'),
  createRefused('FORBIDDEN'),
  createRefused('INTERNAL_SERVER_ERROR'),
  {
    title: 'TOKEN_EXCHANGE with an access token Authlete does not know → 400 invalid_request',
    covers: 'TOKEN_EXCHANGE',
    request: EXCHANGE_REQUEST,
    replies: { 'auth/token': exchangeEnvelope({ subjectTokenInfo: undefined }) },
    expected: jsonResponse(
      400,
      error('invalid_request', 'The subject token is not a token of this server.'),
      'TOKEN_EXCHANGE',
    ),
  },
  {
    title: 'TOKEN_EXCHANGE wider than the subject token → the policy says no → 400 invalid_scope',
    covers: 'TOKEN_EXCHANGE',
    request: EXCHANGE_REQUEST,
    replies: { 'auth/token': exchangeEnvelope({ scopes: ['read', 'admin'] }) },
    expected: jsonResponse(
      400,
      error('invalid_scope', "The subject token does not carry 'admin'."),
      'TOKEN_EXCHANGE',
    ),
  },
  {
    title: 'JWT_BEARER from an issuer that is not trusted → 400 invalid_grant, nothing minted',
    covers: 'JWT_BEARER',
    request: tokenRequest(true, 'grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer'),
    replies: {
      'auth/token': {
        action: 'JWT_BEARER',
        clientId: 1009,
        assertion: unsignedJwt({ iss: 'https://nobody.example', sub: '1001', jti: 'j' }),
        ...relay('JWT_BEARER'),
      },
    },
    expected: jsonResponse(
      400,
      error('invalid_grant', 'The issuer of the assertion is not trusted.'),
      'JWT_BEARER',
    ),
  },
  {
    title: 'ID_TOKEN_REISSUABLE → /idtoken/reissue OK (JWT access token, current claims) → 200',
    covers: 'ID_TOKEN_REISSUABLE',
    request: tokenRequest(true, 'grant_type=refresh_token&refresh_token=rt-0'),
    replies: {
      'auth/token': REISSUABLE,
      'idtoken/reissue': { action: 'OK', responseContent: REISSUED_JSON, idToken: 'new.id.token' },
    },
    sent: {
      'idtoken/reissue': {
        accessToken: 'at-jwt',
        refreshToken: 'rt-1',
        claims: '{"name":"Alice Adams"}',
      },
    },
    expected: jsonResponse(200, REISSUED_JSON, 'ID_TOKEN_REISSUABLE'),
  },
  reissueFailed('INTERNAL_SERVER_ERROR'),
  reissueFailed('CALLER_ERROR'),
  {
    title: 'NATIVE_SSO (code flow) → /nativesso OK with a new device secret → 200',
    covers: 'NATIVE_SSO',
    request: tokenRequest(true, 'grant_type=authorization_code&code=c'),
    replies: {
      'auth/token': NATIVE_CODE,
      nativesso: { action: 'OK', responseContent: NATIVE_JSON },
    },
    sent: {
      nativesso: {
        accessToken: 'at-native',
        refreshToken: 'rt-native',
        deviceSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown as string,
        deviceSecretHash: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) as unknown as string,
      },
    },
    expected: jsonResponse(200, NATIVE_JSON, 'NATIVE_SSO'),
  },
  nativeSsoFailed('INTERNAL_SERVER_ERROR'),
  nativeSsoFailed('CALLER_ERROR'),
  {
    title: 'NATIVE_SSO (refresh) for a session that is not open → 400 invalid_grant',
    covers: 'NATIVE_SSO',
    request: tokenRequest(true, 'grant_type=refresh_token&refresh_token=rt-0'),
    replies: {
      'auth/token': { ...NATIVE_CODE, grantType: 'REFRESH_TOKEN', sessionId: 'sid-unknown' },
    },
    expected: jsonResponse(
      400,
      error('invalid_grant', 'The Native SSO session has ended.'),
      'NATIVE_SSO',
    ),
  },
];
