import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type {
  CredentialDeferredIssueResponse,
  CredentialParseResponse,
  CredentialSingleIssueResponse,
} from '../../authlete/types';
import { AuthleteActions } from '../../http/authlete-actions.decorator';
import { RateLimitClass } from '../../ops/rate-limit/rate-limit-class.decorator';
import { credentialAccessToken, credentialRequestContent } from './credential-request';
import { CredentialService } from './credential.service';
import { VCI_CREDENTIAL_ACTIONS, VCI_DEFERRED_ACTIONS } from './vci.actions';

/**
 * The credential endpoint (OpenID for Verifiable Credential Issuance 1.0 §8) and the deferred
 * credential endpoint (§9): a JSON request with the access token as a Bearer token.
 */
@Controller('api/vci')
@RateLimitClass('vci-credential')
export class CredentialController {
  constructor(private readonly credentials: CredentialService) {}

  @Post('credential')
  @HttpCode(200)
  @AuthleteActions(VCI_CREDENTIAL_ACTIONS)
  credential(
    @Req() request: FastifyRequest,
  ): Promise<CredentialParseResponse | CredentialSingleIssueResponse> {
    const token = credentialAccessToken(request);
    return this.credentials.credential(token, credentialRequestContent(request));
  }

  @Post('deferred_credential')
  @HttpCode(200)
  @AuthleteActions(VCI_DEFERRED_ACTIONS)
  deferred(
    @Req() request: FastifyRequest,
  ): Promise<CredentialParseResponse | CredentialDeferredIssueResponse> {
    const token = credentialAccessToken(request);
    return this.credentials.deferred(token, credentialRequestContent(request));
  }
}
