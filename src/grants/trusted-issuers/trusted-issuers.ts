import { HttpService } from '@nestjs/axios';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { createLocalJWKSet, createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from 'jose';
import { readFile } from 'node:fs/promises';
import { grantsConfig, type GrantsConfig } from '../../config/grants.config';
import { ServerFiles } from '../../config/server-files';
import { partnerJwksFetch } from './partner-jwks-fetch';
import type { TrustedIssuer, TrustedIssuerUse } from './trusted-issuer';
import { parseTrustedIssuers } from './trusted-issuers-file';

/** A trusted issuer with its key resolver. */
export interface ResolvedIssuer extends TrustedIssuer {
  readonly keys: JWTVerifyGetKey;
}

/**
 * The issuers whose JWTs this server accepts as JWT-bearer assertions (RFC 7523 §3) and as
 * token-exchange subject tokens (RFC 8693 §2.1), read from `TRUSTED_ISSUERS_FILE` at start-up. A
 * bad file stops start-up with one line per problem. Remote JWK Sets are fetched through the
 * partner HttpService and cached by jose (10 minutes, refetched on an unknown `kid`).
 */
@Injectable()
export class TrustedIssuers implements OnModuleInit {
  private readonly logger = new Logger(TrustedIssuers.name);
  private issuers = new Map<string, ResolvedIssuer>();

  constructor(
    @Inject(grantsConfig.KEY) private readonly config: GrantsConfig,
    private readonly http: HttpService,
    private readonly files: ServerFiles,
  ) {}

  async onModuleInit(): Promise<void> {
    const file = this.files.trustedIssuersFile;
    if (file === undefined) return;
    const text = await readFile(file, 'utf8').catch(() => {
      throw new Error(`TRUSTED_ISSUERS_FILE: cannot read ${file}`);
    });
    const { issuers, errors } = parseTrustedIssuers(text, file, this.config.production);
    if (errors.length > 0) throw new Error(errors.join('\n'));
    this.issuers = new Map(issuers.map((issuer) => [issuer.issuer, this.resolve(issuer)]));
    for (const issuer of issuers.filter((entry) => entry.demo)) {
      this.logger.warn(`Trusting the DEMO issuer ${issuer.issuer}: its private key is public`);
    }
  }

  private resolve(issuer: TrustedIssuer): ResolvedIssuer {
    const keys =
      issuer.jwks !== undefined
        ? createLocalJWKSet(issuer.jwks)
        : createRemoteJWKSet(new URL(issuer.jwksUri ?? ''), {
            [customFetch]: partnerJwksFetch(this.http),
          });
    return { ...issuer, keys };
  }

  /** The issuer trusted for `use` under this exact `iss`, if any. */
  find(iss: string, use: TrustedIssuerUse): ResolvedIssuer | undefined {
    const issuer = this.issuers.get(iss);
    return issuer?.uses.includes(use) ? issuer : undefined;
  }
}
