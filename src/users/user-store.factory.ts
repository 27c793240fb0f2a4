import type { AppConfig } from '../config/app.config';
import type { ServerFilePaths } from '../config/server-files';
import type { UserStoreConfig } from '../config/user-store.config';
import { FileUserAuthenticator } from './file-user-authenticator';
import { LdapUserAuthenticator } from './ldap/ldap-user-authenticator';
import type { PasswordPolicy } from './passwords/password-policy';
import { PostgresUserAuthenticator } from './postgres/postgres-user-authenticator';
import type { UserAuthenticator } from './user-authenticator';

/** The password policy `PASSWORD_HASH` and its cost variables describe. */
export function passwordPolicyOf(config: UserStoreConfig): PasswordPolicy {
  const { password } = config;
  return password.algorithm === 'scrypt'
    ? { algorithm: 'scrypt', scrypt: password.scrypt }
    : { algorithm: 'argon2id', argon2: password.argon2 };
}

/**
 * The shipped user store `USER_STORE` selects (file by default): what the standalone server
 * (`npm start`) plugs into the module when the host gives none.
 */
export function userStoreFromEnvironment(
  config: UserStoreConfig,
  app: AppConfig,
  files: ServerFilePaths,
): UserAuthenticator {
  switch (config.kind) {
    case 'postgres':
      return new PostgresUserAuthenticator({
        pool: { connectionString: config.postgres.connectionString, max: config.postgres.poolMax },
        table: config.postgres.table,
        passwordPolicy: passwordPolicyOf(config),
        migrate: config.postgres.migrate,
      });
    case 'ldap': {
      const { ca, ...ldap } = config.ldap;
      return new LdapUserAuthenticator({
        ...ldap,
        tlsOptions: ca === undefined ? undefined : { ca },
      });
    }
    case 'file':
      return new FileUserAuthenticator(app, files.usersFile);
  }
}
