import type { RequestBody } from '../../api/request-body';
import type {
  CredentialIssuerJwksResponse,
  CredentialIssuerMetadataResponse,
  CredentialJwtIssuerMetadataResponse,
} from '../../../../contract';
import type { EngineContext } from '../../context/engine-context';
import { envelope, result } from '../../protocol/result';
import { credentialIssuerMetadataDocument } from './vci-metadata';

type DocumentAnswer = CredentialIssuerMetadataResponse;

/** NOT_FOUND: the service has not enabled Verifiable Credentials (Authlete's answer). */
export function vciNotFound(apiCode: string): DocumentAnswer & { action: 'NOT_FOUND' } {
  return envelope(
    result(`A${apiCode}301`, 'The feature of Verifiable Credentials is not enabled.'),
    'NOT_FOUND',
  );
}

function document(
  body: RequestBody,
  apiCode: string,
  content: Record<string, unknown>,
): DocumentAnswer {
  const pretty = body.boolean('pretty');
  return {
    ...envelope(result(`A${apiCode}001`, 'The document was prepared successfully.'), 'OK'),
    responseContent: pretty ? JSON.stringify(content, null, 2) : JSON.stringify(content),
  };
}

/** `POST /vci/metadata`: the credential issuer metadata (OID4VCI 1.0 §12.2). */
export function credentialIssuerMetadata(
  context: EngineContext,
  body: RequestBody,
): CredentialIssuerMetadataResponse {
  const { vci, issuer } = context.service;
  if (!vci.enabled) return vciNotFound('320');
  return document(body, '320', credentialIssuerMetadataDocument(vci, issuer));
}

/** `POST /vci/jwtissuer`: the JWT VC issuer metadata, `issuer` and `jwks_uri` (SD-JWT VC §5). */
export function credentialJwtIssuerMetadata(
  context: EngineContext,
  body: RequestBody,
): CredentialJwtIssuerMetadataResponse {
  const { vci } = context.service;
  if (!vci.enabled) return vciNotFound('321');
  return document(body, '321', { issuer: vci.credentialIssuer, jwks_uri: vci.credentialJwksUri });
}

/** `POST /vci/jwks`: the public keys credentials are signed with (SD-JWT VC §5). */
export function credentialIssuerJwks(
  context: EngineContext,
  body: RequestBody,
): CredentialIssuerJwksResponse {
  if (!context.service.vci.enabled) return vciNotFound('322');
  return document(body, '322', context.keys.publicJwkSet());
}
