import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { invalidRequest } from '../oauth.errors';

/** A parsed `application/x-www-form-urlencoded` body together with its exact bytes as text. */
export interface FormBody {
  /** The body exactly as received, for Authlete's `parameters` (never re-encoded; design.md §5). */
  readonly raw: string;
  readonly params: URLSearchParams;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** True when the request declared a form body (RFC 6749 §3.2 requires this media type). */
export function isFormRequest(request: FastifyRequest): boolean {
  const type = request.headers['content-type'] ?? '';
  return type.split(';')[0]?.trim().toLowerCase() === FORM_TYPE;
}

/**
 * Decodes a form body: UTF-8 only, and every `%xx` escape well-formed; otherwise 400
 * `invalid_request` (never a 500). Duplicated parameters stay in `raw` for Authlete to judge.
 */
export function parseFormBody(buffer: Buffer): FormBody {
  let raw: string;
  try {
    raw = utf8.decode(buffer);
  } catch {
    throw invalidRequest('The request body is not valid UTF-8');
  }
  // Without a `%` nothing is percent-decoded, so valid UTF-8 text stays valid.
  if (raw.includes('%')) {
    if (/%(?![0-9a-fA-F]{2})/.test(raw)) {
      throw invalidRequest('The request body has a malformed percent-encoding');
    }
    try {
      decodeURIComponent(raw.replace(/\+/g, ' '));
    } catch {
      throw invalidRequest('The request body does not decode to valid UTF-8');
    }
  }
  return new ReceivedForm(raw);
}

/** A form body whose parameters are split only when a reader asks for them. */
class ReceivedForm implements FormBody {
  private parsed?: URLSearchParams;

  constructor(readonly raw: string) {}

  get params(): URLSearchParams {
    this.parsed ??= new URLSearchParams(this.raw);
    return this.parsed;
  }
}

/** The form body of the request; an empty one when the request has no body. */
export function formBodyOf(request: FastifyRequest): FormBody {
  const body = request.body;
  if (typeof body === 'object' && body !== null && 'raw' in body && 'params' in body) {
    return body as FormBody;
  }
  return { raw: '', params: new URLSearchParams() };
}

/**
 * Route parameter decorator: the form body. With `{ required: true }` a request whose content
 * type is not `application/x-www-form-urlencoded` is rejected with 400 `invalid_request`.
 */
export const Form = createParamDecorator(
  (options: { required?: boolean } | undefined, ctx: ExecutionContext) => {
    const request = ctx.switchToHttp().getRequest<FastifyRequest>();
    if (options?.required && !isFormRequest(request)) {
      throw invalidRequest(`The request must use Content-Type ${FORM_TYPE}`);
    }
    return formBodyOf(request);
  },
);

/** Returns the parameter's single value; a parameter sent twice is rejected (RFC 6749 §3.1). */
export function singleParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw invalidRequest(`The parameter ${name} is duplicated`);
  return values[0];
}
