import { Logger } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app.config';
import type { IntrospectionRequest, IntrospectionResponse } from '../authlete/types';
import { AuthleteBearerStrategy } from './authlete-bearer.strategy';
import { ResourceServerModule } from './resource-server.module';
import type { ResourceServerOptions } from './resource-server.options';
import { TokenIntrospector } from './token-introspector';

class RecordingIntrospector extends TokenIntrospector {
  readonly seen: IntrospectionRequest[] = [];

  introspect(request: IntrospectionRequest): Promise<IntrospectionResponse> {
    this.seen.push(request);
    return Promise.resolve({ action: 'OK', subject: 'alice', scopes: [] } as IntrospectionResponse);
  }
}

/** A DPoP-bound call to `/orders?page=2` whose Host header names somebody else's server. */
function dpopCall(): FastifyRequest {
  return {
    method: 'GET',
    url: '/orders?page=2',
    protocol: 'http',
    host: 'attacker.example',
    headers: { authorization: 'DPoP token-1', dpop: 'proof' },
  } as unknown as FastifyRequest;
}

async function htuSent(options: ResourceServerOptions, issuer?: string): Promise<string> {
  const introspector = new RecordingIntrospector();
  const app = issuer === undefined ? undefined : ({ issuer } as AppConfig);
  await new AuthleteBearerStrategy(introspector, options, app).validate(dpopCall());
  return introspector.seen[0]?.htu ?? '';
}

describe('AuthleteBearerStrategy: the DPoP target it sends to introspection (RFC 9449 §4.3)', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds htu from publicUrl and the path, never from the Host header', async () => {
    await expect(
      htuSent({ publicUrl: 'https://api.example/v1/' }, 'https://as.example'),
    ).resolves.toBe('https://api.example/v1/orders');
  });

  it('without publicUrl, uses the ISSUER of the co-hosted authorization server', async () => {
    await expect(htuSent({}, 'https://as.example/auth')).resolves.toBe(
      'https://as.example/auth/orders',
    );
  });

  it('with neither, falls back to the request scheme and Host, and warns at start-up', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    await expect(htuSent({})).resolves.toBe('http://attacker.example/orders');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('set publicUrl'));
  });
});

describe('ResourceServerModule.forRoot: publicUrl', () => {
  it.each([
    'api.example/v1',
    'ftp://api.example',
    'https://api.example/?x=1',
    'https://api.example/#top',
  ])('refuses %s at start-up', (publicUrl) => {
    expect(() => ResourceServerModule.forRoot({ publicUrl })).toThrow(
      /publicUrl must be an absolute http\(s\) URL without query or fragment/,
    );
  });

  it('accepts an absolute URL with a path prefix', () => {
    expect(ResourceServerModule.forRoot({ publicUrl: 'https://api.example/v1' }).module).toBe(
      ResourceServerModule,
    );
  });
});
