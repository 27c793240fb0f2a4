import type { FastifyRequest } from 'fastify';

/** A client certificate chain as Authlete takes it (authlete-api.md §7.1). */
export interface ClientCertificate {
  readonly clientCertificate: string;
  readonly clientCertificatePath?: string[];
}

function toPem(base64: string): string {
  const body =
    base64
      .replace(/\s+/g, '')
      .match(/.{1,64}/g)
      ?.join('\n') ?? '';
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----`;
}

/** `X-Ssl-Cert` style: a PEM, URL-encoded by some proxies (nginx `$ssl_client_escaped_cert`). */
function fromPemHeader(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed === '(null)') return undefined;
  let pem = trimmed;
  if (trimmed.startsWith('-----BEGIN%20')) {
    try {
      pem = decodeURIComponent(trimmed);
    } catch {
      return undefined;
    }
  }
  if (!pem.startsWith('-----BEGIN CERTIFICATE-----')) return undefined;
  const inner = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '');
  return toPem(inner);
}

/** RFC 9440 §2: `Client-Cert` is an sf-binary item `:base64-DER:`; the chain a list of them. */
function fromSfBinary(value: string): string[] {
  return value
    .split(',')
    .map((item) => /^\s*:([A-Za-z0-9+/=]+):\s*$/.exec(item)?.[1])
    .filter((item): item is string => item !== undefined)
    .map(toPem);
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads the client certificate a TLS-terminating proxy forwarded, from the configured headers
 * (`x-ssl-cert` with `x-ssl-cert-chain-N`, or RFC 9440 `client-cert` with `client-cert-chain`).
 * The caller must only use it when the direct peer is a trusted proxy (see `TRUST_PROXY`).
 */
export function extractClientCertificate(
  request: FastifyRequest,
  headerNames: readonly string[],
): ClientCertificate | undefined {
  for (const name of headerNames) {
    const value = header(request, name);
    if (value === undefined) continue;
    if (name === 'client-cert') {
      const [leaf] = fromSfBinary(value);
      if (!leaf) continue;
      const chain = fromSfBinary(header(request, 'client-cert-chain') ?? '');
      return chain.length > 0
        ? { clientCertificate: leaf, clientCertificatePath: chain }
        : { clientCertificate: leaf };
    }
    const leaf = fromPemHeader(value);
    if (!leaf) continue;
    const chain = [0, 1, 2, 3, 4]
      .map((index) => header(request, `${name}-chain-${index}`))
      .map((item) => (item === undefined ? undefined : fromPemHeader(item)))
      .filter((item): item is string => item !== undefined);
    return chain.length > 0
      ? { clientCertificate: leaf, clientCertificatePath: chain }
      : { clientCertificate: leaf };
  }
  return undefined;
}
