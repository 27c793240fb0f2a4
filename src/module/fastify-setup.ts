import fastifyCookie from '@fastify/cookie';
import { Logger } from '@nestjs/common';
import type { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { parseFormBody } from '../http/extractors/form-body';
import { compileTrustProxy } from '../common/trust-proxy';

const FORM = 'application/x-www-form-urlencoded';

/** Raised at start-up when the host's HTTP adapter cannot serve the module as it is. */
export class HostSetupError extends Error {
  constructor(message: string) {
    super(`AuthorizationServerModule: ${message}`);
    this.name = 'HostSetupError';
  }
}

/**
 * Installs a form parser that keeps the exact bytes (Authlete `parameters` must be the raw body,
 * RFC 6749 §3.2), through the adapter so Nest's own body parsers (`bodyParser: true`) then stay
 * out: JSON keeps Fastify's default parser.
 */
export function installRawFormParser(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  if (fastify.hasContentTypeParser(FORM)) fastify.removeContentTypeParser(FORM);
  adapter.useBodyParser(FORM, false, {}, (_request: FastifyRequest, body: Buffer, done) => {
    try {
      done(null, parseFormBody(body));
    } catch (error) {
      done(error as Error);
    }
  });
}

/**
 * Registers `@fastify/cookie` (signed session cookies) unless the host already did; then the
 * host's registration, and its secret, sign the session cookies.
 */
export async function registerCookies(
  fastify: FastifyInstance,
  secret: string | undefined,
): Promise<void> {
  if (fastify.hasRequestDecorator('cookies')) {
    new Logger('AuthorizationServer').log('Using the cookie plugin the host registered');
    return;
  }
  await fastify.register(fastifyCookie, { secret: secret ?? developmentSecret() });
}

/** A random per-process cookie secret, with a warning (sessions do not survive restarts). */
function developmentSecret(): string {
  new Logger('Session').warn(
    'SESSION_SECRET is unset: signing session cookies with a random per-process secret (development only)',
  );
  return randomBytes(32).toString('base64url');
}

/**
 * True when the instance was created with Fastify's `trustProxy` (its request class then reads
 * `request.ip` through the forwarded headers). Fastify exposes no accessor for it.
 */
function trustsProxies(fastify: FastifyInstance): boolean {
  const symbol = Object.getOwnPropertySymbols(fastify).find(
    (candidate) => candidate.description === 'fastify.Request',
  );
  const requestClass: unknown = symbol === undefined ? undefined : Reflect.get(fastify, symbol);
  if (typeof requestClass !== 'function') return false;
  return Object.getOwnPropertyDescriptor(requestClass.prototype, 'ip') !== undefined;
}

/**
 * Fastify's `trustProxy` is fixed when the instance is made, so the module cannot set it: it
 * checks the instance matches `TRUST_PROXY` and otherwise stops start-up naming the fix.
 */
export function checkTrustProxy(fastify: FastifyInstance, setting: string): void {
  const wanted = compileTrustProxy(setting).fastifyOption !== false;
  if (wanted === trustsProxies(fastify)) return;
  throw new HostSetupError(
    wanted
      ? `TRUST_PROXY=${setting} but the Fastify instance ignores forwarded headers; create the adapter with new FastifyAdapter(authorizationServerAdapterOptions())`
      : `the Fastify instance trusts proxies but TRUST_PROXY is unset; set TRUST_PROXY to the proxies' addresses, or create the adapter with new FastifyAdapter(authorizationServerAdapterOptions())`,
  );
}
