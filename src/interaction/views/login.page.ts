import type { ClientCard } from '../client-card';
import { clientHeader } from './client-header';
import { html, type SafeHtml } from './html';
import { layout } from './layout';
import type { Messages } from './locales';
import type { PageFrame } from './page-frame';

/** The message a re-shown login page carries, and whether it is about what was typed. */
export interface LoginPageError {
  readonly text: string;
  /** True when the username/password were wrong: both fields are marked `aria-invalid`. */
  readonly invalidFields: boolean;
}

/** What the login page shows. */
export interface LoginPageModel {
  readonly messages: Messages;
  readonly frame: PageFrame;
  readonly client: ClientCard;
  readonly interaction: string;
  readonly csrf: string;
  readonly username?: string;
  /** The request demands one subject (`claims` `sub` value): the username cannot be changed. */
  readonly usernameLocked: boolean;
  readonly error?: LoginPageError;
  /** Where the form posts; the authorization flow's decision endpoint by default. */
  readonly action?: string;
}

const ERROR_ID = 'login-error';

/** `aria-invalid` and `aria-describedby` tying the error to a field (WCAG 2.1 SC 3.3.1, 1.3.1). */
function fieldState(error: LoginPageError | undefined): SafeHtml {
  if (error === undefined) return html``;
  return error.invalidFields
    ? html` aria-invalid="true" aria-describedby="${ERROR_ID}"`
    : html` aria-describedby="${ERROR_ID}"`;
}

/**
 * The login form (design.md §6 stable markup: inputs `username` and `password`). "Sign in" is the
 * first submit button in tree order, so Enter in either field signs in (HTML §4.10.21.2 implicit
 * submission uses the form's default button) without any script; "Cancel" comes after it in the
 * markup, is shown to its left by the stylesheet, and denies the request.
 */
export function loginPage(model: LoginPageModel): SafeHtml {
  const t = model.messages;
  const state = fieldState(model.error);
  const body = html`${clientHeader(model.client, model.frame.ownOrigin)}
    <h1>${t.signInTitle}</h1>
    <p class="lead">${t.signInTo(model.client.name)}</p>
    ${
      model.error
        ? html`<p class="error" id="${ERROR_ID}" role="alert">${model.error.text}</p>`
        : ''
    }
    <form
      method="post"
      action="${model.frame.basePath}${model.action ?? '/api/authorization/decision'}"
    >
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
        required${model.usernameLocked ? html` readonly` : ''}${
          model.username ? '' : html` autofocus`
        }${state}
      />
      <label for="password">${t.password}</label>
      <input
        type="password"
        id="password"
        name="password"
        autocomplete="current-password"
        required${model.username ? html` autofocus` : ''}${state}
      />
      <div class="actions">
        <button type="submit" name="decision" value="login" class="primary">${t.signIn}</button>
        <button type="submit" name="decision" value="deny" formnovalidate>${t.cancel}</button>
      </div>
    </form>`;
  return layout(
    {
      lang: t.lang,
      title: t.signInTitle,
      serviceName: model.frame.serviceName,
      basePath: model.frame.basePath,
    },
    body,
  );
}
