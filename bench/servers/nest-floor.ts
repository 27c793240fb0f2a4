/**
 * Server (e): the floor of the architecture this product is built on (issue 16). A bare NestJS
 * application on Fastify with one module, one controller and one interceptor that maps the
 * handler's value through an rxjs pipeline to the reply (as the product's action interceptor
 * does), answering `POST /api/token` with a small JSON body. Nothing else: no Authlete call, no
 * logging, metrics, guards or validation; only the service's Node 20 AsyncResource.bind fix.
 * `POST /verify` checks alice's demo password against its scrypt hash (config/users.json) with
 * the product's own verifier: what the password hash alone allows on this machine, the ceiling
 * of a code flow with a fresh login.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import {
  type CallHandler,
  Controller,
  type ExecutionContext,
  Injectable,
  Module,
  type NestInterceptor,
  Post,
  UseInterceptors,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { installLeanAsyncResourceBind } from '../../src/ops/runtime/async-resource-bind';
import { parseHash, verifyPassword } from '../../src/users/password-hash';
import { announceReady, failStart, portFromEnv, stopWhenAsked } from './lifecycle';

/** The handler's outcome: status and body, written by the interceptor. */
interface Outcome {
  status: number;
  body: string;
}

/** One interceptor, as the product has: it turns the handler's outcome into the reply. */
@Injectable()
class ReplyInterceptor implements NestInterceptor<Outcome, string> {
  intercept(context: ExecutionContext, next: CallHandler<Outcome>): Observable<string> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((outcome) => {
        reply.status(outcome.status);
        reply.header('content-type', 'application/json;charset=UTF-8');
        reply.header('cache-control', 'no-store');
        return outcome.body;
      }),
    );
  }
}

const ALICE_HASH = (() => {
  const users = JSON.parse(readFileSync('config/users.json', 'utf8')) as {
    users: { username: string; passwordHash: string }[];
  };
  const alice = users.users.find((user) => user.username === 'alice');
  const parsed = parseHash(alice?.passwordHash ?? '');
  if (parsed === undefined) throw new Error('config/users.json: no hash for alice');
  return parsed;
})();

@Controller('api')
@UseInterceptors(ReplyInterceptor)
class FloorController {
  @Post('token')
  token(): Outcome {
    return {
      status: 200,
      body: '{"access_token":"floor","token_type":"Bearer","expires_in":3600,"scope":"read"}',
    };
  }

  @Post('verify')
  async verify(): Promise<Outcome> {
    const ok = await verifyPassword('alice-password', ALICE_HASH);
    return { status: ok ? 200 : 401, body: `{"verified":${String(ok)}}` };
  }
}

@Module({ controllers: [FloorController] })
class FloorModule {}

async function main(): Promise<void> {
  // The same Node 20 runtime fix the service applies (src/bootstrap.ts), so that the ratio to (e)
  // compares architectures, not a Node 20 quirk (docs/benchmarks.md).
  installLeanAsyncResourceBind();
  const adapter = new FastifyAdapter({ logger: false });
  const app = await NestFactory.create<NestFastifyApplication>(FloorModule, adapter, {
    logger: ['error'],
  });
  // Nest's default body parsers read the form body (application/x-www-form-urlencoded).
  const port = portFromEnv();
  await app.listen({ host: '127.0.0.1', port });
  stopWhenAsked(() => app.close());
  announceReady(`http://127.0.0.1:${port}`);
}

main().catch(failStart);
