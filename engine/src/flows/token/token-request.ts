import type { ClientAuthMethod } from '../../model/enums';
import type { Client } from '../../model/client';
import type { Property } from '../../model/authorization-request';
import type { FormParams } from '../../protocol/form-params';
import type { TokenBinding } from '../../store/records';

/** A token request after client authentication, handed to the grant handlers. */
export interface TokenRequest {
  params: FormParams;
  client: Client;
  clientAuthMethod: ClientAuthMethod;
  clientIdAliasUsed: boolean;
  /** Properties and overrides from the API call (authlete-api.md §6.1). */
  properties: Property[];
  accessToken?: string;
  accessTokenDuration: number;
  refreshTokenDuration: number;
  jwtAtClaims?: Record<string, unknown>;
  /** The sender constraint the access token gets (RFC 9449 §5, RFC 8705 §3). */
  binding?: TokenBinding;
}
