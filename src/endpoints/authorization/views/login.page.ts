import type { ClientCard } from '../authorization-context';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import type { Messages } from './locales';
import { clientHeader } from './client-header';

/** What the login page shows. */
export interface LoginPageModel {
  readonly messages: Messages;
  readonly client: ClientCard;
  readonly interaction: string;
  readonly csrf: string;
  readonly username?: string;
  /** The request demands one subject (`claims` `sub` value): the username cannot be changed. */
  readonly usernameLocked: boolean;
  readonly error?: string;
}

/**
 * The login form (design.md §6 stable markup: inputs `username` and `password`). Posts to the
 * decision endpoint with the interaction id and the CSRF token; "Cancel" denies the request.
 */
export function loginPage(model: LoginPageModel): SafeHtml {
  const t = model.messages;
  const body = html`${clientHeader(model.client)}
    <h1>${t.signInTitle}</h1>
    <p class="lead">${t.signInTo(model.client.name)}</p>
    ${model.error ? html`<p class="error" role="alert">${model.error}</p>` : ''}
    <form method="post" action="/api/authorization/decision">
      <input type="hidden" name="interaction" value="${model.interaction}" />
      <input type="hidden" name="csrf" value="${model.csrf}" />
      <label for="username">${t.username}</label>
      <input
        type="text"
        id="username"
        name="username"
        value="${model.username ?? ''}"
        autocomplete="username"
        autocapitalize="none"
        spellcheck="false"
        required${model.usernameLocked ? html` readonly` : ''}${model.username ? '' : html` autofocus`}
      />
      <label for="password">${t.password}</label>
      <input
        type="password"
        id="password"
        name="password"
        autocomplete="current-password"
        required${model.username ? html` autofocus` : ''}
      />
      <div class="actions">
        <button type="submit" name="decision" value="deny" formnovalidate>${t.cancel}</button>
        <button type="submit" name="decision" value="login" class="primary">${t.signIn}</button>
      </div>
    </form>`;
  return layout(t.lang, t.signInTitle, body);
}
