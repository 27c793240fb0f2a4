import { Controller, Get, HttpCode, Logger, Post } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { appConfig } from '../../../src/config/app.config';
import type { ActionMap, AuthleteOutcome } from '../../../src/http/action-map.types';
import { AuthleteActions } from '../../../src/http/authlete-actions.decorator';
import { HttpLayerModule } from '../../../src/http/http.module';

const MAP: ActionMap<'OK' | 'BAD' | 'CREATED'> = {
  OK: { status: 200, shape: 'json' },
  BAD: { status: 400, shape: 'json' },
  CREATED: { status: 201, shape: 'json' },
};

const outcome = (action: string): AuthleteOutcome => ({ action, responseContent: '{"a":1}' });

/** Routes with Nest's default statuses (POST 201, GET 200) and with a contrary @HttpCode. */
@Controller('probe')
class ProbeController {
  @Post('ok')
  @AuthleteActions(MAP)
  ok(): AuthleteOutcome {
    return outcome('OK');
  }

  @Post('bad')
  @AuthleteActions(MAP)
  bad(): AuthleteOutcome {
    return outcome('BAD');
  }

  @Post('created')
  @HttpCode(200)
  @AuthleteActions(MAP)
  created(): AuthleteOutcome {
    return outcome('CREATED');
  }

  @Get('unmapped')
  @AuthleteActions(MAP)
  unmapped(): Promise<AuthleteOutcome> {
    return Promise.resolve({ ...outcome('SOMETHING_NEW'), dpopNonce: 'n-1' });
  }
}

/**
 * The status the interceptor sets from the action map wins over
 * Nest's default (201 for POST) and over @HttpCode, because Nest applies its default before the
 * handler runs. This pins that behaviour of @nestjs/platform-fastify.
 */
describe('AuthleteResponseInterceptor status vs Nest defaults', () => {
  let app: NestFastifyApplication;
  let url: string;
  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(
      {
        module: class ProbeModule {},
        imports: [
          ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig] }),
          HttpLayerModule,
        ],
        controllers: [ProbeController],
      },
      new FastifyAdapter(),
      { logger: false },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each([
    ['POST without @HttpCode, action OK → 200, not 201', 'POST', '/probe/ok', 200],
    ['POST without @HttpCode, action BAD → 400', 'POST', '/probe/bad', 400],
    ['POST with @HttpCode(200), action CREATED → 201', 'POST', '/probe/created', 201],
  ])('%s', async (_title, method, path, status) => {
    const res = await fetch(`${url}${path}`, { method });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.text()).toBe('{"a":1}');
  });

  it('answers an action missing from the map with a logged 500 server_error', async () => {
    const spy = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const res = await fetch(`${url}/probe/unmapped`);
      expect(res.status).toBe(500);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('dpop-nonce')).toBe('n-1');
      expect(await res.json()).toEqual({
        error: 'server_error',
        error_description: 'unexpected authorization server state',
      });
      expect(spy.mock.calls.map((args) => args[0] as unknown)).toContainEqual({
        reqId: expect.stringMatching(/^req-/) as unknown,
        msg: expect.stringContaining('SOMETHING_NEW') as unknown,
      });
    } finally {
      spy.mockRestore();
    }
  });
});
