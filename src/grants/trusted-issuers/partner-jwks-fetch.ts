import type { HttpService } from '@nestjs/axios';
import type { FetchImplementation } from 'jose';

/**
 * A fetch for jose's remote JWK Sets that goes through the `@nestjs/axios` HttpService used for
 * every outbound call to partners: no redirects, the caller's abort signal, JSON only.
 */
export function partnerJwksFetch(http: HttpService): FetchImplementation {
  return async (url, options) => {
    const answer = await http.axiosRef.get<string>(url, {
      headers: Object.fromEntries(options.headers.entries()),
      signal: options.signal,
      maxRedirects: 0,
      responseType: 'text',
      transformResponse: (body: string) => body,
      validateStatus: () => true,
    });
    return new Response(answer.data, {
      status: answer.status,
      headers: { 'content-type': String(answer.headers['content-type'] ?? 'application/json') },
    });
  };
}
