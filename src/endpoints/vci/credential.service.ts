import { Injectable } from '@nestjs/common';
import { AuthleteService } from '../../authlete/authlete.service';
import type {
  CredentialDeferredIssueResponse,
  CredentialParseResponse,
  CredentialRequestInfo,
  CredentialSingleIssueResponse,
} from '../../authlete/types';
import {
  type CredentialIssuanceDecision,
  CredentialIssuancePolicy,
} from '../../grants/credential-issuance-policy';
import { OAuthError } from '../../http/oauth.errors';
import { CredentialClaims } from './credential-claims';

/** What the issue APIs need after the server's own checks. */
interface IssuanceInputs {
  requestIdentifier: string;
  payload: string;
  decision: CredentialIssuanceDecision;
}

function orderOf(inputs: IssuanceInputs): {
  order: { requestIdentifier: string; credentialPayload: string; issuanceDeferred: boolean };
  denied: boolean;
  interval: number;
} {
  const { decision } = inputs;
  return {
    order: {
      requestIdentifier: inputs.requestIdentifier,
      credentialPayload: inputs.payload,
      issuanceDeferred: decision.kind === 'defer',
    },
    denied: decision.kind === 'deny',
    interval: decision.kind === 'defer' ? decision.interval : 0,
  };
}

/**
 * The credential and deferred credential endpoints (OpenID for Verifiable Credential Issuance 1.0
 * §8, §9): `/vci/single/parse` (or `/vci/deferred/parse`) checks the token, the request and its
 * proofs; the server then finds the token's user (`/auth/introspection`), maps the user's claims
 * for the configuration, asks the {@link CredentialIssuancePolicy}, and `/vci/single/issue` (or
 * `/vci/deferred/issue`) issues, defers or refuses.
 */
@Injectable()
export class CredentialService {
  constructor(
    private readonly authlete: AuthleteService,
    private readonly claims: CredentialClaims,
    private readonly policy: CredentialIssuancePolicy,
  ) {}

  /** `POST /api/vci/credential` (OID4VCI 1.0 §8.2). */
  async credential(
    accessToken: string,
    requestContent: string,
  ): Promise<CredentialParseResponse | CredentialSingleIssueResponse> {
    const parsed = await this.authlete.call('credentialSingleParse', {
      accessToken,
      requestContent,
    });
    if (parsed.action !== 'OK' || parsed.info === undefined) return parsed;
    const inputs = await this.issuanceInputs(accessToken, parsed.info);
    return this.authlete.call('credentialSingleIssue', { accessToken, ...orderOf(inputs) });
  }

  /** `POST /api/vci/deferred_credential` (OID4VCI 1.0 §9.1). */
  async deferred(
    accessToken: string,
    requestContent: string,
  ): Promise<CredentialParseResponse | CredentialDeferredIssueResponse> {
    const parsed = await this.authlete.call('credentialDeferredParse', {
      accessToken,
      requestContent,
    });
    if (parsed.action !== 'OK' || parsed.info === undefined) return parsed;
    const inputs = await this.issuanceInputs(accessToken, parsed.info, parsed.info.identifier);
    return this.authlete.call('credentialDeferredIssue', orderOf(inputs));
  }

  private async issuanceInputs(
    accessToken: string,
    info: CredentialRequestInfo,
    transactionId?: string,
  ): Promise<IssuanceInputs> {
    const subject = await this.subjectOf(accessToken);
    const configurationId = info.credentialConfigurationId ?? '';
    const claims = await this.claims.claimsFor(subject, configurationId);
    if (claims === undefined) {
      throw new OAuthError(400, 'credential_request_denied', 'The user no longer exists.');
    }
    const decision = await this.policy.decide({
      subject,
      credentialConfigurationId: configurationId,
      claims,
      ...(transactionId === undefined ? {} : { transactionId }),
    });
    return { requestIdentifier: info.identifier, payload: JSON.stringify(claims), decision };
  }

  /** The user the access token is about; a token without one cannot carry a user's credential. */
  private async subjectOf(accessToken: string): Promise<string> {
    const answer = await this.authlete.call('introspection', { token: accessToken });
    if (answer.action === 'OK' && answer.subject !== undefined) return answer.subject;
    if (answer.action === 'INTERNAL_SERVER_ERROR') {
      throw new OAuthError(500, 'server_error', 'The access token could not be checked.');
    }
    if (answer.action === 'OK') {
      throw new OAuthError(400, 'invalid_credential_request', 'The access token has no user.');
    }
    throw new OAuthError(401, 'invalid_token', 'The access token is not valid.', {
      'www-authenticate': 'Bearer error="invalid_token"',
    });
  }
}
