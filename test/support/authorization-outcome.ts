import type { HtmlForm } from './html-forms';
import type { PageAnswers, PageKind } from './page-forms';

/** A page the authorization server showed on the way. */
export interface VisitedPage {
  kind: PageKind;
  status: number;
  url: string;
  html: string;
  lang?: string;
  forms: HtmlForm[];
}

/** What every outcome carries: the pages shown and the HTTP requests it took. */
interface Journey {
  pages: VisitedPage[];
  requests: number;
}

/** How an authorization request ended, as seen by a user agent. */
export type AuthorizationOutcome = Journey &
  (
    | {
        /** The server sent the user agent to the client (a 302/303 leaving the server). */
        kind: 'redirect';
        location: URL;
        /** Query parameters, or fragment parameters when the response used the fragment. */
        params: URLSearchParams;
        mode: 'query' | 'fragment';
      }
    | {
        /** response_mode=form_post: an auto-submitting form aimed at the client. */
        kind: 'form_post';
        action: string;
        params: URLSearchParams;
      }
    | {
        /** The server answered with an error of its own and did not redirect. */
        kind: 'error';
        status: number;
        body: string;
        contentType: string;
      }
    | {
        /** A login page was shown but no user was given to log in with. */
        kind: 'login-required';
      }
  );

/** Options of {@link Browser.authorize}. */
export interface AuthorizeOptions extends PageAnswers {
  /** Send the request as a form POST instead of a GET (OIDC Core §3.1.2.1). */
  method?: 'GET' | 'POST';
}
