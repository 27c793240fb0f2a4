import { ApiError } from '../../api/api-error';
import type { RequestBody } from '../../api/request-body';
import { result } from '../../protocol/result';
import { RawDocument } from '../../protocol/raw-document';
import type { EngineContext } from '../../context/engine-context';
import { clientDto } from '../../views/client-dto';

/**
 * `GET /client/get/{clientId}` (Authlete client management API; `AuthleteApiImplV3`
 * `CLIENT_GET_API_PATH`): the raw `Client` DTO, no envelope. `clientId` is the numeric id or the
 * alias. An unknown client is an API-level 404 `{resultCode, resultMessage}`.
 */
export function getClient(context: EngineContext, body: RequestBody): RawDocument {
  const identifier = body.requiredString('clientId');
  const client = context.clients.find(identifier);
  if (client === undefined) {
    throw new ApiError(
      404,
      result('A018301', `/client/get, The client (ID = ${identifier}) does not exist.`),
    );
  }
  return new RawDocument(JSON.stringify(clientDto(client)));
}
