import { Injectable } from '@nestjs/common';
import {
  AUTHLETE_APIS,
  type ActionApiName,
  type DocumentApiName,
  type RequestOf,
  type ResponseOf,
} from '../../contract';
import { AuthleteApiError } from './authlete-api.error';
import { AuthleteTransport } from './authlete-transport';
import { callOf } from './call-of';

/**
 * The answer of a document API (authlete-api.md §8.6, §8.7): the JSON document, nothing (204), or
 * a redirect to where the document lives (302, e.g. an external `jwks_uri`).
 */
export type DocumentAnswer<D> =
  { kind: 'document'; document: D } | { kind: 'none' } | { kind: 'redirect'; location: string };

/** The raw answer of `/service/jwks/get`. */
export type JwksAnswer = DocumentAnswer<ResponseOf<'serviceJwks'>>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one client of the Authlete API (design.md §5), derived from the API catalogue
 * (contract/catalogue.ts): {@link call} for the APIs answering with an `action`; {@link document}
 * and {@link documentOrRedirect} for the ones answering with a bare JSON document. Each throws
 * {@link AuthleteApiError} for API-level failures. Callers pass client parameters as-is and branch on `action` only.
 */
@Injectable()
export class AuthleteService {
  constructor(private readonly transport: AuthleteTransport) {}

  /**
   * Calls API `name` with `request` and returns its protocol outcome; a 2xx answer without a
   * string `action` is an `invalid-json` failure.
   */
  async call<N extends ActionApiName>(name: N, request: RequestOf<N>): Promise<ResponseOf<N>> {
    const call = callOf(name, request);
    const answer = await this.transport.send(call);
    if (!isObject(answer.json) || typeof answer.json['action'] !== 'string') {
      throw new AuthleteApiError(call.api, 'invalid-json', answer.status);
    }
    return answer.json as unknown as ResponseOf<N>;
  }

  /**
   * Fetches the document of API `name`: the JSON object of a 2xx answer. Anything else (an empty
   * body, a redirect, not an object) is an `invalid-json` failure.
   */
  async document<N extends DocumentApiName>(
    name: N,
    request: RequestOf<N>,
  ): Promise<ResponseOf<N>> {
    const answer = await this.documentOrRedirect(name, request);
    if (answer.kind === 'document') return answer.document;
    throw new AuthleteApiError(AUTHLETE_APIS[name].path, 'invalid-json', 200);
  }

  /**
   * Fetches the document of API `name` where Authlete may answer without it: the JSON object,
   * `none` on 204, or `redirect` on a 302 with a Location (`/service/jwks/get`, §8.7).
   */
  async documentOrRedirect<N extends DocumentApiName>(
    name: N,
    request: RequestOf<N>,
  ): Promise<DocumentAnswer<ResponseOf<N>>> {
    const call = callOf(name, request);
    const answer = await this.transport.send(call);
    if (answer.status === 204) return { kind: 'none' };
    if (answer.status === 302 && answer.location) {
      return { kind: 'redirect', location: answer.location };
    }
    if (!isObject(answer.json)) {
      throw new AuthleteApiError(call.api, 'invalid-json', answer.status);
    }
    return { kind: 'document', document: answer.json };
  }
}
