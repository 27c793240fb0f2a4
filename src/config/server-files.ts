import { isAbsolute, join, resolve } from 'node:path';

/** Where each configuration file of the server is; every path is absolute. */
export interface ServerFilePaths {
  /** The embedded engine's service and clients (`ENGINE_CONFIG`). */
  readonly engineConfig: string;
  /** Where the embedded engine keeps its generated signing keys (`ENGINE_DATA_DIR`). */
  readonly engineDataDir: string;
  /** The file-backed demo user store (`USERS_FILE`). */
  readonly usersFile: string;
  /** Resource servers allowed to call the introspection endpoint (`RESOURCE_SERVERS_FILE`). */
  readonly resourceServersFile: string;
  /** Issuers trusted for RFC 7523 / RFC 8693 (`TRUSTED_ISSUERS_FILE`); undefined: none. */
  readonly trustedIssuersFile: string | undefined;
}

/** Explicit paths a host gives the module; each wins over its environment variable. */
export type ServerFileOptions = Partial<ServerFilePaths> & {
  /** The folder the files not named otherwise are read from (`CONFIG_DIR`). */
  readonly configDir?: string;
};

/** The resolved {@link ServerFilePaths}, as an injection token. */
export abstract class ServerFiles implements ServerFilePaths {
  abstract readonly engineConfig: string;
  abstract readonly engineDataDir: string;
  abstract readonly usersFile: string;
  abstract readonly resourceServersFile: string;
  abstract readonly trustedIssuersFile: string | undefined;
}

function named(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

/**
 * Resolves every file from, in order: the explicit option, its environment variable (relative to
 * the working directory, as a shell user means it), or `configDir`/`CONFIG_DIR`/the shipped
 * `config/` folder. The working directory alone never decides where a file is.
 */
export function resolveServerFiles(
  options: ServerFileOptions,
  env: NodeJS.ProcessEnv,
  shippedConfigDir: string,
): ServerFilePaths {
  const cwd = process.cwd();
  const dir = resolve(cwd, options.configDir ?? named(env['CONFIG_DIR']) ?? shippedConfigDir);
  const pick = (option: string | undefined, variable: string, fallback: string): string => {
    const explicit = option ?? named(env[variable]);
    if (explicit === undefined) return join(dir, fallback);
    return isAbsolute(explicit) ? explicit : resolve(cwd, explicit);
  };
  const production = env['NODE_ENV'] === 'production';
  const trusted = options.trustedIssuersFile ?? named(env['TRUSTED_ISSUERS_FILE']);
  return {
    engineConfig: pick(options.engineConfig, 'ENGINE_CONFIG', 'engine.json'),
    engineDataDir: resolve(cwd, options.engineDataDir ?? named(env['ENGINE_DATA_DIR']) ?? '.data'),
    usersFile: pick(options.usersFile, 'USERS_FILE', 'users.json'),
    resourceServersFile: pick(
      options.resourceServersFile,
      'RESOURCE_SERVERS_FILE',
      'resource-servers.json',
    ),
    // Production never falls back to the demo file: its issuer's private key is public.
    trustedIssuersFile:
      trusted !== undefined
        ? resolve(cwd, trusted)
        : production
          ? undefined
          : join(dir, 'trusted-issuers.json'),
  };
}
