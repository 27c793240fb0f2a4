import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { type Entry, Filter } from 'ldapts';
import { resolveClaims } from '../claim-resolver';
import {
  type AuthenticatedUser,
  type ClaimValues,
  type PasswordCredentials,
  type UserRecord,
  UserAuthenticator,
} from '../user-authenticator';
import { AccountDisabledError, UserStoreUnavailableError } from '../user-store.errors';
import { claimsFromEntry, firstValue, mappedAttributes } from './ldap-entry';
import { isLdapResult, LdapConnections } from './ldap-connections';
import { DEFAULT_LDAP_CLAIMS, type LdapUserStoreOptions } from './ldap-options';

/** RFC 4511 §4.1.9 resultCode 4: more entries than the size limit (an ambiguous filter). */
const SIZE_LIMIT_EXCEEDED = 4;

const DEFAULT_USER_FILTER = '(&(objectClass=inetOrgPerson)(uid={username}))';

/** What is safe to log of a directory error: class, result code and message, never a password. */
function describe(error: unknown): string {
  if (isLdapResult(error)) return `${error.name} (resultCode ${error.code}): ${error.message}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
}

/**
 * A {@link UserAuthenticator} over an LDAP directory (ldapts): search-then-bind. A service account
 * finds the user's entry with a configurable filter (the typed name escaped per RFC 4515), then a
 * bind as that entry checks the password (RFC 4513 §5.1.3; an empty password is refused before
 * it could become an unauthenticated bind). A `disabledFilter` marks disabled accounts; claims
 * come from an attribute mapping with language-tagged values (RFC 3866 → OIDC Core §5.2).
 * A directory that cannot be reached or times out becomes {@link UserStoreUnavailableError}.
 */
export class LdapUserAuthenticator extends UserAuthenticator implements OnApplicationShutdown {
  private readonly logger = new Logger(LdapUserAuthenticator.name);
  private readonly connections: LdapConnections;
  private readonly claimMap: Readonly<Record<string, string>>;
  private readonly subjectAttribute: string;
  private readonly usernameAttribute: string;

  constructor(private readonly options: LdapUserStoreOptions) {
    super();
    this.connections = new LdapConnections(options);
    this.claimMap = options.claims ?? DEFAULT_LDAP_CLAIMS;
    this.subjectAttribute = options.subjectAttribute ?? 'entryUUID';
    this.usernameAttribute = options.usernameAttribute ?? 'uid';
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connections.close();
  }

  override async authenticate(credentials: PasswordCredentials): Promise<AuthenticatedUser | null> {
    if (credentials.password === '' || credentials.username === '') return null;
    const found = await this.byUsername(credentials.username);
    if (found === undefined) return null;
    const { entry, subject } = found;
    const bound = await this.guard(() =>
      this.connections.verifyBind(entry.dn, credentials.password),
    );
    if (!bound) return null;
    if (await this.isDisabled(entry.dn)) throw new AccountDisabledError();
    return {
      subject,
      authTime: Math.floor(Date.now() / 1000),
      acr: this.options.acr,
      amr: ['pwd'],
    };
  }

  override async findBySubject(subject: string): Promise<UserRecord | null> {
    const entry = await this.bySubject(subject);
    const username = entry === undefined ? undefined : firstValue(entry, this.usernameAttribute);
    return username === undefined ? null : { subject, username };
  }

  /**
   * The enabled entry the configured user filter finds for this name, for a CIBA `login_hint`
   * (CIBA Core §7.1): a search through the service account only, never a bind as the user.
   */
  override async findByUsername(username: string): Promise<UserRecord | null> {
    if (username === '') return null;
    const found = await this.byUsername(username);
    if (found === undefined || (await this.isDisabled(found.entry.dn))) return null;
    const name = firstValue(found.entry, this.usernameAttribute) ?? username;
    return { subject: found.subject, username: name };
  }

  override async claims(
    subject: string,
    names: readonly string[],
    locales: readonly string[],
  ): Promise<ClaimValues> {
    if (names.length === 0) return {};
    const entry = await this.bySubject(subject);
    return entry ? resolveClaims(claimsFromEntry(entry, this.claimMap), names, locales) : {};
  }

  /** The single entry the user filter finds for a name (escaped per RFC 4515), with its subject. */
  private async byUsername(
    username: string,
  ): Promise<{ entry: Entry; subject: string } | undefined> {
    const filter = (this.options.userFilter ?? DEFAULT_USER_FILTER).replaceAll(
      '{username}',
      Filter.escape(username),
    );
    const entry = await this.findOne(filter);
    if (entry === undefined) return undefined;
    const subject = firstValue(entry, this.subjectAttribute);
    if (subject === undefined || !/^[\x21-\x7e]{1,100}$/.test(subject)) {
      this.logger.warn(`Entry ${entry.dn} has no usable ${this.subjectAttribute} for a subject`);
      return undefined;
    }
    return { entry, subject };
  }

  private bySubject(subject: string): Promise<Entry | undefined> {
    return this.findOne(`(${this.subjectAttribute}=${Filter.escape(subject)})`);
  }

  private async isDisabled(dn: string): Promise<boolean> {
    const filter = this.options.disabledFilter;
    if (filter === undefined) return false;
    const result = await this.guard(() =>
      this.connections.withServiceConnection((client) =>
        client.search(dn, { scope: 'base', filter, attributes: ['1.1'], sizeLimit: 1 }),
      ),
    );
    return result.searchEntries.length > 0;
  }

  /** The single entry a filter finds; none or several (ambiguous) → undefined. */
  private async findOne(filter: string): Promise<Entry | undefined> {
    const attributes = [
      this.subjectAttribute,
      this.usernameAttribute,
      ...mappedAttributes(this.claimMap),
    ];
    const result = await this.guard(() =>
      this.connections.withServiceConnection((client) =>
        client
          .search(this.options.searchBase, { scope: 'sub', filter, attributes, sizeLimit: 2 })
          .catch((error: unknown) => {
            if (isLdapResult(error) && error.code === SIZE_LIMIT_EXCEEDED) {
              return { searchEntries: [undefined, undefined], searchReferences: [] };
            }
            throw error;
          }),
      ),
    );
    if (result.searchEntries.length > 1) {
      this.logger.warn(`LDAP filter ${filter} matched several entries; refusing the login`);
      return undefined;
    }
    return result.searchEntries[0];
  }

  /** Turns a transport failure or an unexpected directory answer into an outage. */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new UserStoreUnavailableError(`LDAP ${this.options.url}: ${describe(error)}`);
    }
  }
}
