/** The text of the authorization pages in one language. */
export interface Messages {
  readonly lang: string;
  readonly signInTitle: string;
  readonly signInTo: (client: string) => string;
  readonly username: string;
  readonly password: string;
  readonly signIn: string;
  readonly cancel: string;
  readonly invalidCredentials: string;
  /** Too many failed sign-ins: how long to wait, in whole seconds (rounded up). */
  readonly tooManyAttempts: (waitSeconds: number) => string;
  readonly wrongAccount: string;
  readonly accountDisabled: string;
  readonly storeUnavailable: string;
  readonly consentTitle: string;
  readonly consentLead: (client: string) => string;
  readonly signedInAs: (user: string) => string;
  readonly permissions: string;
  readonly information: string;
  /** Heading of the verifiable credentials requested (OID4VCI 1.0 §5.1.1). */
  readonly credentials: string;
  readonly approve: string;
  readonly deny: string;
  readonly privacyPolicy: string;
  readonly termsOfService: string;
  readonly errorTitle: string;
  readonly badRequest: string;
  readonly expired: string;
  readonly forbidden: string;
  readonly serverError: string;
  readonly startAgain: string;
  readonly signedOutTitle: string;
  readonly scopes: Readonly<Record<string, string>>;
  readonly claims: Readonly<Record<string, string>>;
}
