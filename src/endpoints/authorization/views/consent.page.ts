import type { AuthleteScope } from '../../../authlete/types';
import type { ClientCard } from '../authorization-context';
import { html, safeUrl, type SafeHtml } from './html';
import { layout } from './layout';
import type { Messages } from './locales';
import { clientHeader } from './client-header';

/** What the consent page shows. */
export interface ConsentPageModel {
  readonly messages: Messages;
  readonly locale: string;
  readonly client: ClientCard;
  readonly user: string;
  readonly scopes: readonly AuthleteScope[];
  readonly claims: readonly string[];
  readonly interaction: string;
  readonly csrf: string;
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

function links(client: ClientCard, t: Messages): SafeHtml {
  const policy = safeUrl(client.policyUri);
  const tos = safeUrl(client.tosUri);
  if (!policy && !tos) return html``;
  return html`<p class="links">
    ${policy ? html`<a href="${policy}" rel="noopener noreferrer" target="_blank">${t.privacyPolicy}</a>` : ''}${tos ? html`<a href="${tos}" rel="noopener noreferrer" target="_blank">${t.termsOfService}</a>` : ''}
  </p>`;
}

/**
 * The consent page (design.md §6 stable markup: `<button name="decision" value="approve">` and
 * `value="deny"`): client card, scopes with localised descriptions, requested claims, and links to
 * the client's policy and terms (OIDC Dynamic Client Registration §2 `policy_uri`, `tos_uri`).
 */
export function consentPage(model: ConsentPageModel): SafeHtml {
  const t = model.messages;
  const scopes = model.scopes.map(
    (scope) =>
      html`<li>
        ${describeScope(scope, model.locale, t)} <span class="scope-name">(${scope.name})</span>
      </li>`,
  );
  const claims = model.claims.map((claim) => html`<li>${describeClaim(claim, t)}</li>`);
  const body = html`${clientHeader(model.client)}
    <h1>${t.consentTitle}</h1>
    <p class="lead">${t.consentLead(model.client.name)}</p>
    <p class="muted">${t.signedInAs(model.user)}</p>
    ${
      scopes.length > 0
        ? html`<h2>${t.permissions}</h2>
            <ul>
              ${scopes}
            </ul>`
        : ''
    }
    ${
      claims.length > 0
        ? html`<h2>${t.information}</h2>
            <ul>
              ${claims}
            </ul>`
        : ''
    }
    ${links(model.client, t)}
    <form method="post" action="/api/authorization/decision">
      <input type="hidden" name="interaction" value="${model.interaction}" />
      <input type="hidden" name="csrf" value="${model.csrf}" />
      <div class="actions">
        <button type="submit" name="decision" value="deny">${t.deny}</button>
        <button type="submit" name="decision" value="approve" class="primary">${t.approve}</button>
      </div>
    </form>`;
  return layout(t.lang, t.consentTitle, body);
}
