/**
 * The models the browser pages share (src/interaction/views): the client shown at the top of a
 * login or consent page (OIDC Core §3.1.2.3, RFC 7591 §2 display metadata) and an existing
 * grant (FAPI Grant Management §5).
 */

/** What the pages and the issue call need to know about the client. */
export interface ClientCard {
  /** The key consents are remembered under: the `client_id` alias, else the numeric id. */
  readonly id: string;
  readonly name: string;
  readonly logoUri?: string;
  readonly policyUri?: string;
  readonly tosUri?: string;
  readonly clientUri?: string;
  readonly subjectType: 'PUBLIC' | 'PAIRWISE';
  /** Host that keys pairwise subjects (OIDC Core §8.1). */
  readonly sectorIdentifier: string;
}

/** What an existing grant already holds, and what the request does with it. */
export interface ExistingGrant {
  readonly action: 'MERGE' | 'REPLACE';
  readonly scopes: readonly string[];
  readonly claims: readonly string[];
}
