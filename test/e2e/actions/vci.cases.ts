import type {
  CredentialDeferredIssueAction,
  CredentialDocumentAction,
  CredentialOfferCreateAction,
  CredentialOfferInfoAction,
  CredentialParseAction,
  CredentialSingleIssueAction,
  IntrospectionAction,
} from '../../../src/authlete/types';
import { type ActionCase, type ExpectedResponse, jsonResponse } from './action-case';

/** Every action of the /vci/* APIs (authlete-java-common `Credential*Response.Action`). */
export const VCI_DOCUMENT_API_ACTIONS = {
  OK: true,
  NOT_FOUND: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<CredentialDocumentAction, true>;
export const VCI_OFFER_CREATE_API_ACTIONS = {
  CREATED: true,
  FORBIDDEN: true,
  CALLER_ERROR: true,
  AUTHLETE_ERROR: true,
} as const satisfies Record<CredentialOfferCreateAction, true>;
export const VCI_OFFER_INFO_API_ACTIONS = {
  OK: true,
  FORBIDDEN: true,
  NOT_FOUND: true,
  CALLER_ERROR: true,
  AUTHLETE_ERROR: true,
} as const satisfies Record<CredentialOfferInfoAction, true>;
export const VCI_PARSE_API_ACTIONS = {
  OK: true,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<CredentialParseAction, true>;
export const VCI_SINGLE_ISSUE_API_ACTIONS = {
  OK: true,
  OK_JWT: true,
  ACCEPTED: true,
  ACCEPTED_JWT: true,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  INTERNAL_SERVER_ERROR: true,
  CALLER_ERROR: true,
} as const satisfies Record<CredentialSingleIssueAction, true>;
export const VCI_DEFERRED_ISSUE_API_ACTIONS = {
  OK: true,
  OK_JWT: true,
  ACCEPTED: true,
  ACCEPTED_JWT: true,
  BAD_REQUEST: true,
  FORBIDDEN: true,
  INTERNAL_SERVER_ERROR: true,
  CALLER_ERROR: true,
} as const satisfies Record<CredentialDeferredIssueAction, true>;
export const VCI_INTROSPECTION_ACTIONS = {
  OK: true,
  BAD_REQUEST: true,
  UNAUTHORIZED: true,
  FORBIDDEN: true,
  INTERNAL_SERVER_ERROR: true,
} as const satisfies Record<IntrospectionAction, true>;

const JSON_BODY = { 'content-type': 'application/json' } as const;
const ERROR = (error: string, description = 'x'): string =>
  JSON.stringify({ error, error_description: description });
const SERVER_ERROR = '{"error":"server_error"}';
const CHALLENGE = 'Bearer error="invalid_token",error_description="x"';

/** A JSON response with no relayed headers. */
const json = (status: number, body: string): ExpectedResponse => jsonResponse(status, body, null);
const jwt = (status: number, body: string): ExpectedResponse =>
  jsonResponse(status, body, null, { contentType: 'application/jwt' });
const challenge = (status: number, value: string): ExpectedResponse =>
  jsonResponse(status, '', null, { contentType: null, wwwAuthenticate: value });

/** The HTTP answer each parse action gets when the route stops at parsing. */
const PARSE_REFUSALS: Record<Exclude<CredentialParseAction, 'OK'>, [string, ExpectedResponse]> = {
  BAD_REQUEST: [ERROR('invalid_proof'), json(400, ERROR('invalid_proof'))],
  UNAUTHORIZED: [CHALLENGE, challenge(401, CHALLENGE)],
  FORBIDDEN: [ERROR('access_denied'), json(403, ERROR('access_denied'))],
  INTERNAL_SERVER_ERROR: [ERROR('server_error'), json(500, ERROR('server_error'))],
};

// ------------------------------------------------------------------- documents and nonce

function documentCases(api: string, method: 'GET' | 'POST', path: string): ActionCase[] {
  const doc = '{"credential_issuer":"https://issuer.example"}';
  const answers: Record<CredentialDocumentAction, [string, ExpectedResponse]> = {
    OK: [doc, json(200, doc)],
    NOT_FOUND: [ERROR('not_found'), json(404, ERROR('not_found'))],
    INTERNAL_SERVER_ERROR: [ERROR('server_error'), json(500, ERROR('server_error'))],
  };
  return Object.entries(answers).map(([action, [content, expected]]) => ({
    title: `${api} ${action} → ${expected.status}`,
    covers: action,
    request: { method, path, ...(method === 'POST' ? { headers: JSON_BODY, body: '{}' } : {}) },
    replies: { [api]: { action, responseContent: content } },
    expected,
  }));
}

export const VCI_METADATA_CASES = documentCases(
  'vci/metadata',
  'GET',
  '/.well-known/openid-credential-issuer',
);
export const VCI_JWT_ISSUER_CASES = documentCases(
  'vci/jwtissuer',
  'GET',
  '/.well-known/jwt-vc-issuer',
);
export const VCI_JWKS_CASES = documentCases('vci/jwks', 'GET', '/api/vci/jwks');
export const VCI_NONCE_CASES = documentCases('vci/nonce', 'POST', '/api/vci/nonce');

// ------------------------------------------------------------------------------- offers

const OFFER_INFO = {
  identifier: 'offer-1',
  credentialOffer: '{"credential_issuer":"https://issuer.example"}',
  credentialIssuer: 'https://issuer.example',
  credentialConfigurationIds: ['badge'],
  preAuthorizedCodeGrantIncluded: true,
  preAuthorizedCode: 'pac-1',
  txCode: '1234',
  expiresAt: 4102444800000,
};

function offerCreate(action: CredentialOfferCreateAction, expected: ExpectedResponse): ActionCase {
  return {
    title: `/vci/offer/create ${action} → ${expected.status}`,
    covers: action,
    request: {
      method: 'POST',
      path: '/api/vci/offers',
      headers: JSON_BODY,
      body: JSON.stringify({
        credential_configuration_ids: ['badge'],
        subject: '1001',
        tx_code: '1234',
      }),
    },
    replies: {
      'vci/offer/create': { action, ...(action === 'CREATED' ? { info: OFFER_INFO } : {}) },
    },
    expected,
    sent: {
      'vci/offer/create': {
        credentialConfigurationIds: ['badge'],
        subject: '1001',
        preAuthorizedCodeGrantIncluded: true,
        txCode: '1234',
        txCodeInputMode: 'numeric',
      },
    },
  };
}

const CREATED_BODY = JSON.stringify({
  offer_id: 'offer-1',
  credential_offer: { credential_issuer: 'https://issuer.example' },
  credential_offer_uri: 'https://issuer.example/api/vci/offer/offer-1',
  credential_offer_link:
    'openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fissuer.example%2Fapi%2Fvci%2Foffer%2Foffer-1',
  offer_page: 'https://issuer.example/api/vci/offer/offer-1/page',
  tx_code: '1234',
  expires_at: 4102444800000,
});

export const VCI_OFFER_CREATE_CASES: readonly ActionCase[] = [
  offerCreate('CREATED', json(201, CREATED_BODY)),
  offerCreate('FORBIDDEN', json(403, SERVER_ERROR)),
  offerCreate('CALLER_ERROR', json(400, SERVER_ERROR)),
  offerCreate('AUTHLETE_ERROR', json(500, SERVER_ERROR)),
];

function offerInfo(action: CredentialOfferInfoAction, expected: ExpectedResponse): ActionCase {
  return {
    title: `/vci/offer/info ${action} → ${expected.status}`,
    covers: action,
    request: { method: 'GET', path: '/api/vci/offer/offer-1' },
    replies: { 'vci/offer/info': { action, ...(action === 'OK' ? { info: OFFER_INFO } : {}) } },
    expected,
    sent: { 'vci/offer/info': { identifier: 'offer-1' } },
  };
}

export const VCI_OFFER_INFO_CASES: readonly ActionCase[] = [
  offerInfo('OK', json(200, OFFER_INFO.credentialOffer)),
  offerInfo('FORBIDDEN', json(403, SERVER_ERROR)),
  offerInfo('NOT_FOUND', json(404, SERVER_ERROR)),
  offerInfo('CALLER_ERROR', json(500, SERVER_ERROR)),
  offerInfo('AUTHLETE_ERROR', json(500, SERVER_ERROR)),
];

// ----------------------------------------------------------- credential and deferred endpoints

const METADATA = {
  action: 'OK',
  responseContent: JSON.stringify({
    credential_configurations_supported: {
      badge: { credential_metadata: { claims: [{ path: ['name'] }, { path: ['email'] }] } },
    },
  }),
};
const ALICE = JSON.stringify({ name: 'Alice Adams', email: 'alice@example.com' });
const CREDENTIALS = '{"credentials":[{"credential":"eyJ.eyJ.sig~WyJ~"}]}';
const PENDING = '{"transaction_id":"tx-1","interval":5}';

/** The HTTP answer of each issue action (OID4VCI 1.0 §8.3, §9.2). */
const ISSUE_ANSWERS: Record<CredentialSingleIssueAction, [string | undefined, ExpectedResponse]> = {
  OK: [CREDENTIALS, json(200, CREDENTIALS)],
  OK_JWT: ['eyJ.enc.rypted', jwt(200, 'eyJ.enc.rypted')],
  ACCEPTED: [PENDING, json(202, PENDING)],
  ACCEPTED_JWT: ['eyJ.enc.pending', jwt(202, 'eyJ.enc.pending')],
  BAD_REQUEST: [ERROR('credential_request_denied'), json(400, ERROR('credential_request_denied'))],
  UNAUTHORIZED: [CHALLENGE, challenge(401, CHALLENGE)],
  FORBIDDEN: [undefined, json(403, SERVER_ERROR)],
  INTERNAL_SERVER_ERROR: [undefined, json(500, SERVER_ERROR)],
  CALLER_ERROR: [undefined, json(500, SERVER_ERROR)],
};

interface CredentialRoute {
  name: string;
  path: string;
  parseApi: string;
  issueApi: string;
  body: string;
}

const SINGLE: CredentialRoute = {
  name: 'credential',
  path: '/api/vci/credential',
  parseApi: 'vci/single/parse',
  issueApi: 'vci/single/issue',
  body: '{"credential_configuration_id":"badge","proofs":{"jwt":["eyJ.proof.sig"]}}',
};
const DEFERRED: CredentialRoute = {
  name: 'deferred credential',
  path: '/api/vci/deferred_credential',
  parseApi: 'vci/deferred/parse',
  issueApi: 'vci/deferred/issue',
  body: '{"transaction_id":"tx-1"}',
};

function credentialRequest(route: CredentialRoute): ActionCase['request'] {
  return {
    method: 'POST',
    path: route.path,
    headers: { ...JSON_BODY, authorization: 'Bearer at-1' },
    body: route.body,
  };
}

const PARSED = { action: 'OK', info: { identifier: 'req-1', credentialConfigurationId: 'badge' } };

function parseRefused(route: CredentialRoute, action: Exclude<CredentialParseAction, 'OK'>) {
  const [content, expected] = PARSE_REFUSALS[action];
  return {
    title: `${route.parseApi} ${action} → ${expected.status}`,
    covers: action,
    request: credentialRequest(route),
    replies: { [route.parseApi]: { action, responseContent: content } },
    expected,
    sent: { [route.parseApi]: { accessToken: 'at-1', requestContent: route.body } },
  } satisfies ActionCase;
}

function issued(route: CredentialRoute, action: CredentialSingleIssueAction): ActionCase {
  const [content, expected] = ISSUE_ANSWERS[action];
  const order = { requestIdentifier: 'req-1', credentialPayload: ALICE, issuanceDeferred: false };
  return {
    title: `${route.parseApi} OK → ${route.issueApi} ${action} → ${expected.status}`,
    covers: action,
    request: credentialRequest(route),
    replies: {
      [route.parseApi]: PARSED,
      'auth/introspection': { action: 'OK', subject: '1001' },
      'vci/metadata': METADATA,
      [route.issueApi]: { action, responseContent: content },
    },
    expected,
    sent: {
      'auth/introspection': { token: 'at-1' },
      [route.issueApi]:
        route === SINGLE ? { accessToken: 'at-1', order, denied: false } : { order, denied: false },
    },
  };
}

function introspectionRefused(route: CredentialRoute, action: IntrospectionAction): ActionCase {
  const expected =
    action === 'OK'
      ? json(400, ERROR('invalid_credential_request', 'The access token has no user.'))
      : action === 'INTERNAL_SERVER_ERROR'
        ? json(500, ERROR('server_error', 'The access token could not be checked.'))
        : {
            ...json(401, ERROR('invalid_token', 'The access token is not valid.')),
            wwwAuthenticate: 'Bearer error="invalid_token"',
          };
  return {
    title: `${route.parseApi} OK → /auth/introspection ${action}${action === 'OK' ? ' (no subject)' : ''} → ${expected.status}`,
    covers: expected.status === 401 ? 'UNAUTHORIZED' : 'INTERNAL_SERVER_ERROR',
    request: credentialRequest(route),
    replies: { [route.parseApi]: PARSED, 'auth/introspection': { action } },
    expected,
  };
}

function credentialCases(
  route: CredentialRoute,
  issueActions: readonly CredentialSingleIssueAction[],
): ActionCase[] {
  return [
    ...(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'INTERNAL_SERVER_ERROR'] as const).map(
      (action) => parseRefused(route, action),
    ),
    ...issueActions.map((action) => issued(route, action)),
    ...(Object.keys(VCI_INTROSPECTION_ACTIONS) as IntrospectionAction[]).map((action) =>
      introspectionRefused(route, action),
    ),
  ];
}

export const VCI_CREDENTIAL_CASES = credentialCases(
  SINGLE,
  Object.keys(VCI_SINGLE_ISSUE_API_ACTIONS) as CredentialSingleIssueAction[],
);
export const VCI_DEFERRED_CASES = [
  ...credentialCases(
    DEFERRED,
    Object.keys(VCI_DEFERRED_ISSUE_API_ACTIONS) as CredentialSingleIssueAction[],
  ),
  // The map is shared with the credential endpoint; /vci/deferred/issue has no UNAUTHORIZED.
];
