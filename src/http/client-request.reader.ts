import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { appConfig, type AppConfig } from '../config/app.config';
import { compileTrustProxy, type TrustProxy } from '../common/trust-proxy';
import { parseBasicCredentials } from './extractors/basic-credentials';
import { extractClientCertificate } from './extractors/client-certificate';
import { dpopTarget } from './extractors/request-url';

/** What a client presented to authenticate itself and bind tokens (authlete-api.md §7.1). */
export interface ClientPresentation {
  clientId?: string;
  clientSecret?: string;
  clientCertificate?: string;
  clientCertificatePath?: string[];
  dpop?: string;
  htm: string;
  htu: string;
  oauthClientAttestation?: string;
  oauthClientAttestationPop?: string;
}

function headerValue(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads the transport-level client inputs every client-authenticating endpoint forwards to
 * Authlete: Basic credentials (RFC 6749 §2.3.1), the client certificate from a trusted proxy only
 * (RFC 8705, RFC 9440), the DPoP proof with htm/htu (RFC 9449) and attestation headers.
 */
@Injectable()
export class ClientRequestReader {
  private readonly trustProxy: TrustProxy;

  constructor(@Inject(appConfig.KEY) private readonly config: AppConfig) {
    this.trustProxy = compileTrustProxy(config.trustProxy);
  }

  /** Collects the client presentation; `realm` names the Basic challenge of a malformed header. */
  read(request: FastifyRequest, realm: string): ClientPresentation {
    const basic = parseBasicCredentials(request.headers.authorization, realm);
    const certificate = this.trustProxy.trusts(request.socket.remoteAddress)
      ? extractClientCertificate(request, this.config.clientCertHeaders)
      : undefined;
    const presentation: ClientPresentation = { ...dpopTarget(request, this.config.issuer) };
    if (basic) {
      presentation.clientId = basic.id;
      presentation.clientSecret = basic.secret;
    }
    if (certificate) Object.assign(presentation, certificate);
    const dpop = headerValue(request, 'dpop');
    if (dpop) presentation.dpop = dpop;
    const attestation = headerValue(request, 'oauth-client-attestation');
    if (attestation) presentation.oauthClientAttestation = attestation;
    const attestationPop = headerValue(request, 'oauth-client-attestation-pop');
    if (attestationPop) presentation.oauthClientAttestationPop = attestationPop;
    return presentation;
  }

  /** The public-URL DPoP target of the request (RFC 9449 §4.3). */
  target(request: FastifyRequest): { htm: string; htu: string } {
    return dpopTarget(request, this.config.issuer);
  }

  /** The client certificate, only when the direct peer is a trusted proxy. */
  certificate(request: FastifyRequest): string | undefined {
    if (!this.trustProxy.trusts(request.socket.remoteAddress)) return undefined;
    return extractClientCertificate(request, this.config.clientCertHeaders)?.clientCertificate;
  }
}
