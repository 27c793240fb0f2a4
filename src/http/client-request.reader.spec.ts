import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app.config';
import { ClientRequestReader } from './client-request.reader';

const DER = Buffer.from('certificate bytes').toString('base64');

function reader(trustProxy: string): ClientRequestReader {
  const config = {
    trustProxy,
    issuer: 'https://as.example.com/base',
    clientCertHeaders: ['x-ssl-cert', 'client-cert'],
  } as unknown as AppConfig;
  return new ClientRequestReader(config);
}

function request(peer: string, headers: Record<string, string> = {}): FastifyRequest {
  return {
    headers: { 'client-cert': `:${DER}:`, ...headers },
    socket: { remoteAddress: peer },
    method: 'post',
    url: '/api/token?x=1',
  } as unknown as FastifyRequest;
}

describe('ClientRequestReader', () => {
  it.each([
    ['unset', 'false', '127.0.0.1'],
    ['a different proxy', '10.0.0.1', '127.0.0.1'],
    ['loopback only, peer outside', 'loopback', '192.0.2.7'],
  ])('ignores client-certificate headers when TRUST_PROXY is %s', (_why, setting, peer) => {
    const presented = reader(setting).read(request(peer), 'token');
    expect(presented.clientCertificate).toBeUndefined();
    expect(reader(setting).certificate(request(peer))).toBeUndefined();
  });

  it.each([
    ['the peer address', '127.0.0.1'],
    ['a CIDR holding the peer', '127.0.0.0/8'],
    ['true', 'true'],
  ])('believes client-certificate headers when TRUST_PROXY lists %s', (_why, setting) => {
    const presented = reader(setting).read(request('127.0.0.1'), 'token');
    expect(presented.clientCertificate).toContain('-----BEGIN CERTIFICATE-----');
    expect(reader(setting).certificate(request('127.0.0.1'))).toBe(presented.clientCertificate);
  });

  it('collects Basic credentials, DPoP, attestation headers and the public htm/htu', () => {
    const presented = reader('false').read(
      request('127.0.0.1', {
        authorization: `Basic ${Buffer.from('c%3Aid:s%2Bx').toString('base64')}`,
        dpop: 'proof',
        'oauth-client-attestation': 'att',
        'oauth-client-attestation-pop': 'pop',
      }),
      'token',
    );
    expect(presented).toEqual({
      clientId: 'c:id',
      clientSecret: 's+x',
      dpop: 'proof',
      oauthClientAttestation: 'att',
      oauthClientAttestationPop: 'pop',
      htm: 'POST',
      htu: 'https://as.example.com/base/api/token',
    });
  });
});
