import { Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Writable } from 'node:stream';
import { AuthleteApiError } from '../../../src/authlete/authlete-api.error';
import { UnavailableAs503 } from '../../../src/http/route-policy/unavailable-as-503.decorator';
import { AuthorizationServerModule } from '../../../src/module/authorization-server.module';
import { NoAccessLog } from '../../../src/ops/logging/no-access-log.decorator';
import { RateLimitClass } from '../../../src/ops/rate-limit/rate-limit-class.decorator';
import { startFaultAuthlete, type FaultAuthlete } from '../../support/fault-authlete';
import { fakeAuthleteEnv, resetEnv, setEnv } from '../../support/test-app';
import { postForm, sample, scrape } from '../ops/ops-helpers';

const unreachable = () => new AuthleteApiError('auth/toy', 'unreachable', 0);

/** Routes that declare their policy only through the decorators under test. */
@Controller('toy')
class ToyController {
  @Post('limited')
  @HttpCode(200)
  @RateLimitClass('toy')
  limited(): string {
    return 'ok';
  }

  @Post('unlimited')
  @HttpCode(200)
  unlimited(): string {
    return 'ok';
  }

  @Post('login')
  @HttpCode(200)
  @RateLimitClass('toy-login', 'login-ip')
  login(): string {
    return 'ok';
  }

  @Get('outage-503')
  @UnavailableAs503()
  outage503(): never {
    throw unreachable();
  }

  @Get('outage-500')
  outage500(): never {
    throw unreachable();
  }

  @Get('quiet')
  @NoAccessLog()
  quiet(): string {
    return 'quiet';
  }

  @Get('loud')
  loud(): string {
    return 'loud';
  }
}

/** Class-level policy applies to every method; a method-level declaration overrides it. */
@Controller('toy-class')
@UnavailableAs503()
@RateLimitClass('toy-class')
class ToyClassController {
  @Get('outage')
  outage(): never {
    throw unreachable();
  }

  @Post('inherits')
  @HttpCode(200)
  inherits(): string {
    return 'ok';
  }

  @Post('overrides')
  @HttpCode(200)
  @RateLimitClass('toy-override', 'login-ip')
  overrides(): string {
    return 'ok';
  }
}

@Module({ controllers: [ToyController, ToyClassController] })
class ToyModule {}

class Capture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.chunks.push(chunk.toString('utf8'));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
}

describe('route policy is declared on the route (@RateLimitClass, @UnavailableAs503, @NoAccessLog)', () => {
  let fake: FaultAuthlete;
  let app: NestFastifyApplication;
  let url: string;
  let ip = 0;
  let from: Record<string, string>;
  const logs = new Capture();

  beforeAll(async () => {
    fake = await startFaultAuthlete();
    setEnv({
      ...fakeAuthleteEnv(fake.url),
      LOG_LEVEL: 'info',
      TRUST_PROXY: 'loopback',
      THROTTLE_TTL_MS: '60000',
      THROTTLE_LIMIT_PER_IP: '3',
      THROTTLE_LIMIT_PER_CLIENT: '100',
      THROTTLE_LOGIN_LIMIT_PER_IP: '1',
    });
    @Module({ imports: [AuthorizationServerModule.forRoot({ logDestination: logs }), ToyModule] })
    class ToyApp {}
    app = await NestFactory.create<NestFastifyApplication>(
      ToyApp,
      new FastifyAdapter({ trustProxy: '127.0.0.1' }),
      { logger: false },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    resetEnv();
  });
  beforeEach(() => {
    ip += 1;
    from = { 'x-forwarded-for': `198.51.100.${ip}` };
  });

  const post = (path: string, headers = from) => postForm(`${url}${path}`, 'a=b', headers);

  it('limits a route declared @RateLimitClass per IP: 429 with Retry-After past the limit', async () => {
    for (let i = 0; i < 3; i += 1) expect((await post('/toy/limited')).status).toBe(200);
    const limited = await post('/toy/limited');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await limited.json()).toEqual({
      error: 'slow_down',
      error_description: 'Too many requests',
    });
    expect(
      sample(await scrape(url), 'rate_limit_rejections_total', { route: 'toy', scope: 'ip' }),
    ).toBe(1);
  });

  it('never limits a route without the decorator', async () => {
    for (let i = 0; i < 10; i += 1) expect((await post('/toy/unlimited')).status).toBe(200);
  });

  it('keeps the counters of each class apart', async () => {
    for (let i = 0; i < 3; i += 1) expect((await post('/toy/limited')).status).toBe(200);
    expect((await post('/toy/limited')).status).toBe(429);
    expect((await post('/toy-class/inherits')).status).toBe(200);
  });

  it('uses the login counter (THROTTLE_LOGIN_LIMIT_PER_IP) for a login-ip class', async () => {
    expect((await post('/toy/login')).status).toBe(200);
    expect((await post('/toy/login')).status).toBe(429);
  });

  it('applies a class-level @RateLimitClass to each method, and a method-level one overrides it', async () => {
    for (let i = 0; i < 3; i += 1) expect((await post('/toy-class/inherits')).status).toBe(200);
    expect((await post('/toy-class/inherits')).status).toBe(429);
    expect((await post('/toy-class/overrides')).status).toBe(200);
    expect((await post('/toy-class/overrides')).status).toBe(429);
    const metrics = await scrape(url);
    expect(sample(metrics, 'rate_limit_rejections_total', { route: 'toy-class' })).toBe(1);
    expect(sample(metrics, 'rate_limit_rejections_total', { route: 'toy-override' })).toBe(1);
  });

  it('answers an Authlete outage 503 temporarily_unavailable on an @UnavailableAs503 route', async () => {
    for (const path of ['/toy/outage-503', '/toy-class/outage']) {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(503);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(await res.json()).toEqual({ error: 'temporarily_unavailable' });
    }
  });

  it('answers the same outage 500 server_error on a route without it', async () => {
    const res = await fetch(`${url}/toy/outage-500`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'server_error' });
  });

  it('writes no access line for a @NoAccessLog route, and one for any other', async () => {
    expect((await fetch(`${url}/toy/quiet`)).status).toBe(200);
    expect((await fetch(`${url}/toy/loud`)).status).toBe(200);
    expect((await fetch(`${url}/health/live`)).status).toBe(200);
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const urls = logs.text
      .split('\n')
      .filter((line) => line.includes('"request completed"'))
      .map((line) => (JSON.parse(line) as { req: { url: string } }).req.url);
    expect(urls).toContain('/toy/loud');
    expect(urls).not.toContain('/toy/quiet');
    expect(urls).not.toContain('/health/live');
    expect(urls).not.toContain('/metrics');
  });
});
