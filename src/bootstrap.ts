import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { validateEnvironment } from './config/validate-environment';
import { installLeanAsyncResourceBind } from './ops/runtime/async-resource-bind';
import { authorizationServerAdapterOptions } from './module/adapter-options';
import { AuthorizationServerModule } from './module/authorization-server.module';
import type {
  AuthorizationServerExtras,
  AuthorizationServerOptions,
} from './module/authorization-server.options';

/** Options for {@link createApp}: the module's options and extras, and the Nest logger. */
export interface CreateAppOptions extends AuthorizationServerOptions, AuthorizationServerExtras {
  /** Nest logger setting; `false` silences it (tests). */
  logger?: false | ('log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal')[];
}

/**
 * The standalone server (design.md §2 `main.ts`): a thin host of `AuthorizationServerModule` on a
 * Fastify adapter made with the module's adapter options, logging JSON through nestjs-pino. The
 * module sets up the rest itself (form parser, cookies, hooks) while the app initialises.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  validateEnvironment(process.env);
  installLeanAsyncResourceBind();
  const { logger, routePrefix, logDestination, ...moduleOptions } = options;
  const app = await NestFactory.create<NestFastifyApplication>(
    AuthorizationServerModule.forRoot({ ...moduleOptions, routePrefix, logDestination }),
    new FastifyAdapter(authorizationServerAdapterOptions()),
    { bodyParser: false, logger, bufferLogs: logger !== false },
  );
  // JSON logs through nestjs-pino at LOG_LEVEL; signals are handled by main.ts (graceful shutdown).
  app.useLogger(app.get(PinoLogger));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
