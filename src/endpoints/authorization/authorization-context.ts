import type {
  AuthleteClientInfo,
  AuthletePrompt,
  AuthleteScope,
  AuthorizationResponse,
} from '../../authlete/types';
import type { BoundRecord } from '../../session/interaction.store';
import type { ClientCard, ExistingGrant } from '../../interaction/client-card';
import type { LoginError } from '../../interaction/login-error';
import { readRawValues } from './raw-parameters';
import { pickLocale, type PageLocale } from '../../interaction/views/locales';

/** The parts of an `/auth/authorization` response the flow needs (authlete-api.md §4.1, §5). */
export interface AuthorizationContext {
  readonly ticket: string;
  readonly client: ClientCard;
  readonly scopes: readonly AuthleteScope[];
  readonly claims: readonly string[];
  readonly claimsAtUserInfo: readonly string[];
  readonly claimsLocales: readonly string[];
  readonly acrs: readonly string[];
  readonly acrEssential: boolean;
  readonly subject?: string;
  readonly loginHint?: string;
  readonly prompts: readonly AuthletePrompt[];
  readonly maxAge: number;
  /** `max_age=0` was sent: a fresh login is required (OIDC Core §3.1.2.1). */
  readonly maxAgeZero: boolean;
  readonly locale: PageLocale;
  /** Authlete's `service.serviceName`, named in the page titles. */
  readonly serviceName?: string;
  /** The request as the client sent it (query or form), to start it again (never re-encoded). */
  readonly rawParameters: string;
  /** The grant a `merge` or `replace` request names (FAPI Grant Management §5.1), shown on consent. */
  readonly existingGrant?: ExistingGrant;
  /**
   * Credential configurations of `openid_credential` authorization details (RFC 9396; OID4VCI 1.0
   * §5.1.1), shown on consent.
   */
  readonly credentials?: readonly string[];
}

/** The credential configurations an authorization request's `openid_credential` details name. */
function credentialsOf(response: AuthorizationResponse): string[] | undefined {
  const ids = (response.authorizationDetails?.elements ?? []).flatMap((element) =>
    element.type === 'openid_credential' && typeof element.credential_configuration_id === 'string'
      ? [element.credential_configuration_id]
      : [],
  );
  return ids.length > 0 ? ids : undefined;
}

function existingGrantOf(response: AuthorizationResponse): ExistingGrant | undefined {
  const action = response.gmAction;
  if ((action !== 'MERGE' && action !== 'REPLACE') || response.grant === undefined) {
    return undefined;
  }
  const scopes = (response.grant.scopes ?? []).flatMap((entry) =>
    (entry.scope ?? '').split(' ').filter((name) => name !== ''),
  );
  return { action, scopes: [...new Set(scopes)], claims: response.grant.claims ?? [] };
}

/** A pending login or consent page, stored server-side and bound to the browser session. */
export interface PendingAuthorization extends AuthorizationContext, BoundRecord {
  readonly step: 'login' | 'consent';
  /** Username of the subject the request demands (`claims.id_token.sub.value`); read-only. */
  readonly requiredUsername?: string;
  /** The username typed before, shown again on a re-shown login page. */
  readonly username?: string;
  /** Why the login page is shown again. */
  readonly error?: LoginError;
  /** The user the consent page was shown to. */
  readonly consentSubject?: string;
}

type ClientWire = AuthleteClientInfo & {
  derivedSectorIdentifier?: string;
  clientNames?: { tag: string; value: string }[];
};

function hostOf(uri: string | undefined): string | undefined {
  if (uri === undefined) return undefined;
  try {
    return new URL(uri).host || undefined;
  } catch {
    return undefined;
  }
}

function clientCard(client: ClientWire | undefined, locale: PageLocale): ClientCard {
  const id = client?.clientIdAlias ?? String(client?.clientId ?? '');
  const tagged = client?.clientNames?.find((name) => name.tag.toLowerCase().startsWith(locale));
  return {
    id,
    name: tagged?.value ?? client?.clientName ?? id,
    logoUri: client?.logoUri,
    policyUri: client?.policyUri,
    tosUri: client?.tosUri,
    clientUri: client?.clientUri,
    subjectType: client?.subjectType === 'PAIRWISE' ? 'PAIRWISE' : 'PUBLIC',
    sectorIdentifier:
      client?.derivedSectorIdentifier ??
      hostOf(client?.sectorIdentifierUri) ??
      hostOf(client?.redirectUris?.[0]) ??
      id,
  };
}

/** Builds the flow's view of an INTERACTION / NO_INTERACTION response. */
export function toContext(
  response: AuthorizationResponse,
  rawParameters: string,
  acceptLanguage: string | undefined,
): AuthorizationContext {
  const raw = readRawValues(rawParameters, response.requestObjectPayload);
  const uiLocales = response.uiLocales?.length ? response.uiLocales : raw.uiLocales;
  const locale = pickLocale(uiLocales, acceptLanguage);
  return {
    ticket: response.ticket ?? '',
    client: clientCard(response.client, locale),
    scopes: response.scopes ?? [],
    claims: response.claims ?? [],
    claimsAtUserInfo: response.claimsAtUserInfo ?? [],
    claimsLocales: response.claimsLocales ?? [],
    acrs: response.acrs ?? [],
    acrEssential: response.acrEssential ?? false,
    // A merge or replace must be made by the grant’s own user (FAPI Grant Management §5.1); an
    // offer made for one user (OID4VCI §4.1.1 issuer_state) is redeemed only by that user.
    subject: response.subject ?? response.grantSubject ?? response.credentialOfferInfo?.subject,
    loginHint: response.loginHint,
    prompts: response.prompts ?? [],
    maxAge: response.maxAge ?? 0,
    maxAgeZero: raw.maxAge === 0,
    locale,
    serviceName: response.service?.serviceName,
    rawParameters,
    existingGrant: existingGrantOf(response),
    credentials: credentialsOf(response),
  };
}
