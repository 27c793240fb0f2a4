import { parseForms } from './html-forms';
import { classifyForms, type PageKind } from './page-forms';

/** The hidden form fields of a login or consent page. */
export interface PageForm {
  readonly interaction: string;
  readonly csrf: string;
}

/** Reads the interaction id and CSRF token from a login or consent page. */
export function formOf(html: string): PageForm {
  for (const form of parseForms(html)) {
    const value = (name: string) => form.controls.find((control) => control.name === name)?.value;
    const interaction = value('interaction');
    const csrf = value('csrf');
    if (interaction !== undefined && csrf !== undefined) return { interaction, csrf };
  }
  throw new Error(`no interaction form in page:\n${html.slice(0, 500)}`);
}

/** Which page an HTML body is: `login` (a password field), `consent` (a decision) or `other`. */
export function pageKind(html: string): PageKind {
  return classifyForms(parseForms(html));
}

/** Query (or fragment) parameters of a redirect's Location (RFC 6749 §4.1.2, §4.2.2). */
export function redirectParams(response: Response): URLSearchParams {
  const location = response.headers.get('location');
  if (location === null) throw new Error(`expected a redirect, got ${response.status}`);
  const url = new URL(location);
  return new URLSearchParams(url.search || url.hash.slice(1));
}
