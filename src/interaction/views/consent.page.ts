import type { AuthleteScope } from '../../authlete/types';
import type { ClientCard, ExistingGrant } from '../client-card';
import { existingGrantSection } from './existing-grant';
import { clientHeader } from './client-header';
import { html, safeUrl, type SafeHtml } from './html';
import { layout } from './layout';
import type { Messages } from './locales';
import type { PageFrame } from './page-frame';
import { groupClaimsByScope } from './scope-claims';

/** What the consent page shows. */
export interface ConsentPageModel {
  readonly messages: Messages;
  readonly frame: PageFrame;
  readonly locale: string;
  readonly client: ClientCard;
  readonly user: string;
  readonly scopes: readonly AuthleteScope[];
  readonly claims: readonly string[];
  readonly interaction: string;
  readonly csrf: string;
  /** The grant a merge or replace request adds to or replaces (FAPI Grant Management). */
  readonly existingGrant?: ExistingGrant;
  /** Credential configurations requested as `openid_credential` authorization details. */
  readonly credentials?: readonly string[];
  /** Where the form posts; the authorization flow's decision endpoint by default. */
  readonly action?: string;
}

/** A scope's text: Authlete's `descriptions` in the page language, then ours, then `description`. */
function describeScope(scope: AuthleteScope, locale: string, t: Messages): string {
  const tagged = scope.descriptions?.find((entry) => entry.tag.toLowerCase().startsWith(locale));
  return tagged?.value ?? t.scopes[scope.name] ?? scope.description ?? scope.name;
}

function describeClaim(name: string, t: Messages): string {
  const [base = name, tag] = name.split('#', 2);
  const label = t.claims[base] ?? base;
  return tag ? `${label} (${tag})` : label;
}

function claimList(claims: readonly string[], t: Messages): SafeHtml {
  if (claims.length === 0) return html``;
  return html`<ul class="claims">
    ${claims.map((claim) => html`<li>${describeClaim(claim, t)}</li>`)}
  </ul>`;
}

function links(client: ClientCard, t: Messages): SafeHtml {
  const policy = safeUrl(client.policyUri);
  const tos = safeUrl(client.tosUri);
  if (!policy && !tos) return html``;
  return html`<p class="links">
    ${
      policy
        ? html`<a href="${policy}" rel="noopener noreferrer" target="_blank">${t.privacyPolicy}</a>`
        : ''
    }${
      tos
        ? html`<a href="${tos}" rel="noopener noreferrer" target="_blank">${t.termsOfService}</a>`
        : ''
    }
  </p>`;
}

/**
 * The consent page (design.md §6 stable markup: `<button name="decision" value="approve">` and
 * `value="deny"`): client card, each scope with the claims it asks for beneath it (claims only the
 * `claims` parameter asked for are listed apart), and links to the client's policy and terms
 * (OIDC Dynamic Client Registration §2 `policy_uri`, `tos_uri`). "Allow" is the first submit button
 * in tree order and has focus, so Enter approves; "Deny" is shown to its left.
 */
export function consentPage(model: ConsentPageModel): SafeHtml {
  const t = model.messages;
  const grouped = groupClaimsByScope(model.scopes, model.claims);
  const scopes = grouped.groups.map(
    (group) =>
      html`<li>
        ${describeScope(group.scope, model.locale, t)}
        <span class="scope-name">(${group.scope.name})</span>${claimList(group.claims, t)}
      </li>`,
  );
  const body = html`${clientHeader(model.client, model.frame.ownOrigin)}
    <h1>${t.consentTitle}</h1>
    <p class="lead">${t.consentLead(model.client.name)}</p>
    <p class="muted">${t.signedInAs(model.user)}</p>
    ${
      scopes.length > 0
        ? html`<h2>${t.permissions}</h2>
            <ul class="scopes">
              ${scopes}
            </ul>`
        : ''
    }
    ${
      grouped.otherClaims.length > 0
        ? html`<h2>${t.information}</h2>
            ${claimList(grouped.otherClaims, t)}`
        : ''
    }
    ${
      model.credentials !== undefined && model.credentials.length > 0
        ? html`<h2>${t.credentials}</h2>
            <ul class="credentials">
              ${model.credentials.map((id) => html`<li><span class="scope-name">${id}</span></li>`)}
            </ul>`
        : ''
    }
    ${existingGrantSection(model.existingGrant, t.lang)} ${links(model.client, t)}
    <form
      method="post"
      action="${model.frame.basePath}${model.action ?? '/api/authorization/decision'}"
    >
      <input type="hidden" name="interaction" value="${model.interaction}" />
      <input type="hidden" name="csrf" value="${model.csrf}" />
      <div class="actions">
        <button type="submit" name="decision" value="approve" class="primary" autofocus>
          ${t.approve}
        </button>
        <button type="submit" name="decision" value="deny">${t.deny}</button>
      </div>
    </form>`;
  return layout(
    {
      lang: t.lang,
      title: t.consentTitle,
      serviceName: model.frame.serviceName,
      basePath: model.frame.basePath,
    },
    body,
  );
}
