import type { HtmlForm } from './html-forms';

/** Which page of the authorization server a set of forms belongs to. */
export type PageKind = 'login' | 'consent' | 'other';

/** Who signs in and what they press, when a {@link Browser} plays the server's pages. */
export interface PageAnswers {
  /** Who logs in when a login page appears; omit to stop at the login page. */
  user?: { username: string; password: string };
  /** What to press on the consent page (deny: also on the login page); default approve. */
  decision?: 'approve' | 'deny';
}

/** A login page has a password field; a consent page a `decision` control (our stable markup). */
export function classifyForms(forms: HtmlForm[]): PageKind {
  if (forms.some((form) => form.controls.some((control) => control.type === 'password'))) {
    return 'login';
  }
  if (forms.some((form) => form.controls.some((control) => control.name === 'decision'))) {
    return 'consent';
  }
  return 'other';
}

function pressesButton(value: string, kind: PageKind, answers: PageAnswers): boolean {
  if (kind === 'consent' || answers.decision === 'deny') {
    return value === (answers.decision ?? 'approve');
  }
  return !/^(deny|cancel|abort)$/i.test(value);
}

/**
 * The body a person's browser submits for a form (HTML §4.10.21.4, reduced to our pages): hidden
 * and filled fields, checked boxes, the user's credentials, and exactly one pressed button.
 */
export function formSubmission(
  form: HtmlForm,
  kind: PageKind,
  answers: PageAnswers,
): URLSearchParams {
  const body = new URLSearchParams();
  let pressed = false;
  for (const control of form.controls) {
    if (control.tag === 'button' || control.type === 'submit') {
      if (!pressed && pressesButton(control.value, kind, answers)) {
        body.append(control.name, control.value);
        pressed = true;
      }
      continue;
    }
    if ((control.type === 'checkbox' || control.type === 'radio') && !control.checked) continue;
    if (control.type === 'password') body.append(control.name, answers.user?.password ?? '');
    else if (control.name === 'username' || control.name === 'login') {
      body.append(control.name, answers.user?.username ?? control.value);
    } else body.append(control.name, control.value);
  }
  return body;
}
