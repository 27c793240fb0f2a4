import type { FastifyRequest } from 'fastify';
import { extractClientCertificate } from './client-certificate';

const DER = Buffer.from(Array.from({ length: 90 }, (_, index) => index)).toString('base64');
const DER2 = Buffer.from(Array.from({ length: 70 }, (_, index) => 255 - index)).toString('base64');
const lines = (base64: string): string => base64.match(/.{1,64}/g)!.join('\n');
const pem = (base64: string): string =>
  `-----BEGIN CERTIFICATE-----\n${lines(base64)}\n-----END CERTIFICATE-----`;

const HEADERS = ['x-ssl-cert', 'client-cert'];

function request(headers: Record<string, string>): FastifyRequest {
  return { headers } as unknown as FastifyRequest;
}

describe('extractClientCertificate (RFC 8705 via a TLS-terminating proxy)', () => {
  it('reads a PEM from X-Ssl-Cert sent on one line', () => {
    const oneLine = pem(DER).replace(/\n/g, ' ');
    expect(extractClientCertificate(request({ 'x-ssl-cert': oneLine }), HEADERS)).toEqual({
      clientCertificate: pem(DER),
    });
  });

  it('reads an nginx-escaped PEM ($ssl_client_escaped_cert) and the X-Ssl-Cert-Chain-N headers', () => {
    const headers = {
      'x-ssl-cert': encodeURIComponent(`${pem(DER)}\n`),
      'x-ssl-cert-chain-0': encodeURIComponent(pem(DER2)),
    };
    expect(extractClientCertificate(request(headers), HEADERS)).toEqual({
      clientCertificate: pem(DER),
      clientCertificatePath: [pem(DER2)],
    });
  });

  it('reads RFC 9440 Client-Cert and Client-Cert-Chain sf-binary items', () => {
    const headers = { 'client-cert': `:${DER}:`, 'client-cert-chain': `:${DER2}:, :${DER}:` };
    expect(extractClientCertificate(request(headers), HEADERS)).toEqual({
      clientCertificate: pem(DER),
      clientCertificatePath: [pem(DER2), pem(DER)],
    });
  });

  it('tries the configured headers in order and skips empty or garbage values', () => {
    const headers = { 'x-ssl-cert': '(null)', 'client-cert': `:${DER}:` };
    expect(extractClientCertificate(request(headers), HEADERS)?.clientCertificate).toBe(pem(DER));
    expect(extractClientCertificate(request({ 'x-ssl-cert': 'garbage' }), HEADERS)).toBeUndefined();
    expect(
      extractClientCertificate(request({ 'x-ssl-cert': '-----BEGIN%2' }), HEADERS),
    ).toBeUndefined();
    expect(extractClientCertificate(request({ 'client-cert': 'not-sf' }), HEADERS)).toBeUndefined();
  });

  it('ignores headers that are not configured', () => {
    expect(
      extractClientCertificate(request({ 'x-ssl-cert': pem(DER) }), ['client-cert']),
    ).toBeUndefined();
  });
});
