/** A body the dispatcher refuses, with the HTTP status Fastify gives the same body. */
export class UnreadableBody extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableBody';
  }
}

/** Fastify's message for unparsable JSON (and for a `__proto__` member). */
const NOT_JSON = "Body is not valid JSON but content-type is set to 'application/json'";

function refuseProto(key: string, value: unknown): unknown {
  if (key === '__proto__') throw new SyntaxError('forbidden prototype property');
  return value;
}

/**
 * The JSON body of a POST or PUT as Fastify reads it: absent stays undefined; a non-JSON media
 * type → 415; an empty JSON body or unparsable text → 400; a `__proto__` member → 400 (Fastify's
 * default protection against prototype poisoning).
 */
export function readJsonBody(contentType: string | undefined, text: string | undefined): unknown {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== undefined && type !== '' && type !== 'application/json') {
    throw new UnreadableBody(415, `Unsupported Media Type: ${contentType ?? ''}`);
  }
  if (text === undefined || text === '') {
    if (type === undefined || type === '') return undefined;
    throw new UnreadableBody(
      400,
      "Body cannot be empty when content-type is set to 'application/json'",
    );
  }
  try {
    return text.includes('__proto__') ? JSON.parse(text, refuseProto) : JSON.parse(text);
  } catch {
    throw new UnreadableBody(400, NOT_JSON);
  }
}

/** The query of a GET or DELETE as an object; a repeated name gives an array, as in Fastify. */
export function readQuery(search: string | undefined): Record<string, string | string[]> {
  // No prototype: a query name such as `constructor` never reads an inherited member.
  const query = Object.create(null) as Record<string, string | string[]>;
  if (search === undefined || search === '') return query;
  for (const [name, value] of new URLSearchParams(search)) {
    const seen = query[name];
    if (seen === undefined) query[name] = value;
    else query[name] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}
