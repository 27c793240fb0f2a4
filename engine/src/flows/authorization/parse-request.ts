import type { AuthorizationRequest } from '../../model/authorization-request';
import type { Client } from '../../model/client';
import type { Display, Prompt } from '../../model/enums';
import type { Service } from '../../model/service';
import { bindIssuerState, isIssuerStateProblem } from '../vci/issuer-state';
import { spaceList, type FormParams } from '../../protocol/form-params';
import type { EngineContext } from '../../context/engine-context';
import { problem, type AuthorizationProblem } from './authorization-problem';
import { parseClaimsRequest } from './claims-request';
import { isGrantProblem, readGrantParameters } from '../grant-management/grant-parameters';
import { isPkceValue } from './pkce';
import { locateRequestTarget, type RequestTarget } from './request-target';
import { filterScopes, shortcutClaimNames, supportedClaimNames } from './scopes';
import { isDetailsProblem, readAuthorizationDetails } from '../vci/authorization-details';

const PROMPTS: Record<string, Prompt> = {
  none: 'NONE',
  login: 'LOGIN',
  consent: 'CONSENT',
  select_account: 'SELECT_ACCOUNT',
  create: 'CREATE',
};
const DISPLAYS: Record<string, Display> = {
  page: 'PAGE',
  popup: 'POPUP',
  touch: 'TOUCH',
  wap: 'WAP',
};
const SINGLE_VALUED = [
  'scope',
  'nonce',
  'prompt',
  'max_age',
  'display',
  'claims',
  'code_challenge',
  'code_challenge_method',
  'dpop_jkt',
  'login_hint',
  'grant_management_action',
  'grant_id',
];

type Outcome =
  { ok: true; request: AuthorizationRequest } | { ok: false; problem: AuthorizationProblem };

function pkceRequired(service: Service, client: Client): boolean {
  return service.pkceRequired || client.pkceRequired || client.clientType === 'PUBLIC';
}

function filterList(values: string[], supported: readonly string[]): string[] | undefined {
  const kept = values.filter((value) => supported.includes(value));
  return kept.length > 0 ? kept : undefined;
}

function nonEmpty(values: string[]): string[] | undefined {
  return values.length > 0 ? values : undefined;
}

/** Validates everything after the target is known; failures are redirected to the client. */
function validateRest(context: EngineContext, params: FormParams, target: RequestTarget): Outcome {
  const { service } = context;
  const { client } = target;
  const fail = (code: string, error: string, text: string): Outcome => ({
    ok: false,
    problem: problem(code, error, text, target),
  });
  const responseType = target.responseType;
  if (responseType === undefined || !service.responseTypes.has(responseType)) {
    return fail(
      'A009305',
      'unsupported_response_type',
      `The response type '${params.get('response_type') ?? ''}' is not supported.`,
    );
  }
  if (!client.responseTypes.has(responseType)) {
    return fail(
      'A009306',
      'unauthorized_client',
      `The client is not allowed to use the response type '${params.get('response_type') ?? ''}'.`,
    );
  }
  if (responseType !== 'CODE' && target.responseMode === 'query') {
    return {
      ok: false,
      problem: problem(
        'A009307',
        'invalid_request',
        "The response mode 'query' cannot carry an ID token.",
        { ...target, responseMode: 'fragment' },
      ),
    };
  }
  const duplicated = params.duplicated(SINGLE_VALUED);
  if (duplicated !== undefined) {
    return fail(
      'A009308',
      'invalid_request',
      `The '${duplicated}' parameter is included more than once.`,
    );
  }
  if (params.has('request')) {
    return fail('A008306', 'request_not_supported', "The 'request' parameter is not supported.");
  }
  const requestedScopes = spaceList(params.get('scope'));
  const scopes = filterScopes(service, client, requestedScopes);
  const openid = scopes.some((scope) => scope.name === 'openid');
  const nonce = params.get('nonce');
  if (responseType !== 'CODE' && !openid) {
    return fail(
      'A009310',
      'invalid_request',
      "The 'openid' scope is required to issue an ID token.",
    );
  }
  if (responseType !== 'CODE' && nonce === undefined) {
    return fail(
      'A009309',
      'invalid_request',
      "The 'nonce' parameter is required when an ID token is issued from the authorization endpoint.",
    );
  }
  const promptValues = spaceList(params.get('prompt'));
  const prompts = promptValues.map((value) => PROMPTS[value]);
  if (prompts.some((prompt) => prompt === undefined)) {
    return fail(
      'A009311',
      'invalid_request',
      `The prompt value '${params.get('prompt') ?? ''}' is not supported.`,
    );
  }
  if (prompts.includes('NONE') && prompts.length > 1) {
    return fail(
      'A009312',
      'invalid_request',
      "The prompt value 'none' cannot be combined with other values.",
    );
  }
  const rawMaxAge = params.get('max_age');
  if (rawMaxAge !== undefined && !/^[0-9]{1,9}$/.test(rawMaxAge)) {
    return fail(
      'A009313',
      'invalid_request',
      "The 'max_age' parameter must be a non-negative integer.",
    );
  }
  const rawDisplay = params.get('display');
  const display = rawDisplay === undefined ? 'PAGE' : DISPLAYS[rawDisplay];
  if (display === undefined) {
    return fail(
      'A009314',
      'invalid_request',
      `The display value '${rawDisplay ?? ''}' is not supported.`,
    );
  }
  const claimsRequest = parseClaimsRequest(params.get('claims'));
  if (claimsRequest === undefined) {
    return fail(
      'A009315',
      'invalid_request',
      "The 'claims' parameter is not valid JSON of the required shape.",
    );
  }
  const challenge = params.get('code_challenge');
  const method =
    params.get('code_challenge_method') ?? (challenge === undefined ? undefined : 'plain');
  const usesCode = responseType !== 'ID_TOKEN';
  if (usesCode && challenge === undefined && pkceRequired(service, client)) {
    return fail('A009316', 'invalid_request', "The 'code_challenge' parameter is required.");
  }
  if (usesCode && method !== undefined && method !== 'S256' && method !== 'plain') {
    return fail(
      'A009317',
      'invalid_request',
      `The code challenge method '${method}' is not supported.`,
    );
  }
  if (usesCode && method === 'plain' && (service.pkceS256Required || client.pkceS256Required)) {
    return fail('A009317', 'invalid_request', "The code challenge method must be 'S256'.");
  }
  if (usesCode && challenge !== undefined && !isPkceValue(challenge)) {
    return fail('A009318', 'invalid_request', "The 'code_challenge' parameter is malformed.");
  }
  const dpopJkt = params.get('dpop_jkt');
  if (dpopJkt !== undefined && !/^[A-Za-z0-9_-]{43}$/.test(dpopJkt)) {
    // RFC 9449 §10: the base64url SHA-256 JWK thumbprint (RFC 7638) of the client's DPoP key.
    return fail('A009337', 'invalid_request', "The 'dpop_jkt' parameter is malformed.");
  }
  const resources = params.getAll('resource');
  if (resources.some((resource) => !URL.canParse(resource) || resource.includes('#'))) {
    return fail(
      'A009319',
      'invalid_target',
      "A 'resource' parameter is not an absolute URI without a fragment.",
    );
  }
  const authorizationDetails = readAuthorizationDetails(
    service.vci,
    params.get('authorization_details'),
  );
  if (isDetailsProblem(authorizationDetails)) {
    return fail(
      authorizationDetails.code,
      'invalid_authorization_details',
      authorizationDetails.text,
    );
  }
  const bound = bindIssuerState(context, params.get('issuer_state'), authorizationDetails);
  if (isIssuerStateProblem(bound)) return fail(bound.code, bound.error, bound.text);
  const grantManagement = readGrantParameters(context, params, client);
  if (isGrantProblem(grantManagement)) {
    return fail(grantManagement.code, grantManagement.error, grantManagement.text);
  }
  const scopeNames = scopes.map((scope) => scope.name);
  const shortcuts = openid ? shortcutClaimNames(scopeNames) : [];
  const maxAge = rawMaxAge === undefined ? client.defaultMaxAge : Number(rawMaxAge);
  const acrSource =
    claimsRequest.acrs ??
    (params.has('acr_values') ? spaceList(params.get('acr_values')) : client.defaultAcrs);
  return {
    ok: true,
    request: {
      client,
      clientIdAliasUsed: target.clientIdAliasUsed,
      responseType,
      responseMode: target.responseMode,
      redirectUri: target.redirectUri,
      redirectUriGiven: target.redirectUriGiven,
      state: target.state,
      scopes,
      nonce,
      codeChallenge: usesCode ? challenge : undefined,
      codeChallengeMethod:
        usesCode && challenge !== undefined ? (method as 'S256' | 'plain') : undefined,
      dpopJkt: usesCode ? dpopJkt : undefined,
      prompts: prompts as Prompt[],
      maxAge,
      display,
      uiLocales: filterList(spaceList(params.get('ui_locales')), service.supportedUiLocales),
      claimsLocales: nonEmpty(spaceList(params.get('claims_locales'))),
      acrs: filterList(acrSource, service.supportedAcrs),
      acrEssential: claimsRequest.acrEssential,
      loginHint: params.get('login_hint'),
      subject: claimsRequest.subject,
      idTokenClaimNames: openid
        ? supportedClaimNames(service, [...claimsRequest.idTokenNames, ...shortcuts])
        : [],
      userInfoClaimNames: openid
        ? supportedClaimNames(service, [...claimsRequest.userInfoNames, ...shortcuts])
        : [],
      idTokenClaims: claimsRequest.idTokenClaims,
      userInfoClaims: claimsRequest.userInfoClaims,
      resources: resources.length > 0 ? resources : undefined,
      authorizationDetails: bound.details,
      credentialOfferId: bound.offer?.identifier,
      ...grantManagement,
    },
  };
}

/**
 * Validates an authorization request given as raw parameters (OAuth 2.0 §4.1.1, OIDC Core
 * §3.1.2.1, RFC 7636, RFC 8707), as /auth/authorization and /pushed_auth_req do.
 * @param authenticated the client authenticated by PAR, if any.
 */
export function parseAuthorizationRequest(
  context: EngineContext,
  params: FormParams,
  authenticated?: Client,
): Outcome {
  const located = locateRequestTarget(context, params, authenticated);
  if (!located.ok) return located;
  return validateRest(context, params, located.target);
}
