import { Inject, Injectable } from '@nestjs/common';
import { vciConfig, type VciConfig } from '../config/vci.config';
import {
  type CredentialIssuanceCase,
  type CredentialIssuanceDecision,
  CredentialIssuancePolicy,
} from './credential-issuance-policy';

/** Seconds the wallet is asked to wait before polling the deferred endpoint. */
const DEFER_INTERVAL_SECONDS = 5;

/**
 * The demo policy (OID4VCI 1.0 §8.3, §9): issues at once, except the configurations listed in
 * `VCI_DEFERRED_CONFIGURATIONS`, which are deferred at the credential endpoint and released at
 * the first poll of the deferred credential endpoint (a stand-in for an identity check).
 */
@Injectable()
export class DefaultCredentialIssuancePolicy extends CredentialIssuancePolicy {
  constructor(@Inject(vciConfig.KEY) private readonly config: VciConfig) {
    super();
  }

  decide(request: CredentialIssuanceCase): Promise<CredentialIssuanceDecision> {
    const deferred =
      request.transactionId === undefined &&
      this.config.deferredConfigurations.includes(request.credentialConfigurationId);
    return Promise.resolve(
      deferred ? { kind: 'defer', interval: DEFER_INTERVAL_SECONDS } : { kind: 'issue' },
    );
  }
}
