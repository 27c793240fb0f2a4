import fastifyCookie from '@fastify/cookie';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule, type AppModuleOptions } from './app.module';
import { appConfig } from './config/app.config';
import { validateEnvironment } from './config/validate-environment';
import { answerFrameworkError } from './http/framework-errors';
import { parseFormBody } from './http/extractors/form-body';
import { installHttpHooks } from './ops/http-hooks/install-http-hooks';
import { requestIdOf } from './ops/logging/request-id';
import { installLeanAsyncResourceBind } from './ops/runtime/async-resource-bind';
import { compileTrustProxy } from './shared/trust-proxy';

/**
 * The secret that signs session cookies: `SESSION_SECRET` (required in production by the schema),
 * or a random one per process in development, with a warning (sessions do not survive restarts).
 */
function sessionSecret(config: ReturnType<typeof appConfig>): string {
  if (config.sessionSecret !== undefined) return config.sessionSecret;
  new Logger('Session').warn(
    'SESSION_SECRET is unset: signing session cookies with a random per-process secret (development only)',
  );
  return randomBytes(32).toString('base64url');
}

/** Options for {@link createApp}. */
export interface CreateAppOptions extends AppModuleOptions {
  /** Nest logger setting; `false` silences it (tests). */
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal')[];
}

/**
 * Builds the Fastify-based Nest application (design.md §2 `main.ts`): validated configuration,
 * trust-proxy, a body limit, an exact-bytes form parser (Authlete `parameters` must be the raw body),
 * OAuth-style errors (Nest routes Fastify's own errors — bad body, too large, bad type — through
 * the global OAuthExceptionFilter), request ids, JSON logs, security headers and request metrics.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  validateEnvironment(process.env);
  installLeanAsyncResourceBind();
  const config = appConfig();
  const adapter = new FastifyAdapter({
    trustProxy: compileTrustProxy(config.trustProxy).fastifyOption,
    bodyLimit: config.bodyLimitBytes,
    routerOptions: { maxParamLength: 512 },
    return503OnClosing: true,
    genReqId: requestIdOf,
    frameworkErrors: answerFrameworkError,
  });
  const fastify = adapter.getInstance();
  fastify.removeContentTypeParser(['application/x-www-form-urlencoded']);
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer' },
    (
      _request: FastifyRequest,
      body: Buffer,
      done: (error: Error | null, value?: unknown) => void,
    ) => {
      try {
        done(null, parseFormBody(body));
      } catch (error) {
        done(error as Error);
      }
    },
  );
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(options),
    adapter,
    {
      bodyParser: false,
      logger: options.logger,
      bufferLogs: options.logger !== false,
    },
  );
  // JSON logs through nestjs-pino at LOG_LEVEL; signals are handled by main.ts (graceful shutdown).
  app.useLogger(app.get(PinoLogger));
  installHttpHooks(app);
  await app.register(fastifyCookie, { secret: sessionSecret(config) });
  await app.init();
  await fastify.ready();
  return app;
}
