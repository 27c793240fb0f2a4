import { AsyncResource } from 'node:async_hooks';

type AnyFunction = (...args: unknown[]) => unknown;

/** `fn` run in the async scope of `resource`, with `thisArg` or else the caller's `this`. */
function boundTo(resource: AsyncResource, fn: AnyFunction, thisArg: unknown): AnyFunction {
  if (thisArg !== undefined) {
    return (...args: unknown[]): unknown => resource.runInAsyncScope(fn, thisArg, ...args);
  }
  return function (this: unknown, ...args: unknown[]): unknown {
    return resource.runInAsyncScope(fn, this, ...args);
  };
}

/** True once {@link installLeanAsyncResourceBind} replaced `AsyncResource.prototype.bind`. */
let installed = false;

/**
 * Node 22's `AsyncResource.prototype.bind`, for Node 20 (whose version builds a `deprecate()`
 * wrapper — a fresh closure and a property definition — for the `asyncResource` getter of every
 * bound function, DEP0172). NestJS binds twice per interceptor call and Fastify once per body
 * parse, so on Node 20 that getter was ~8% of a request's CPU (docs/benchmarks.md). The bound
 * function behaves the same — it runs `fn` in the resource's async scope with the same `this`,
 * arguments, `length` and `asyncResource` — only the deprecation warning on reading
 * `asyncResource` is gone. Nothing is changed on Node 22 or later, which already does this.
 */
export function installLeanAsyncResourceBind(): boolean {
  const major = Number(process.versions.node.split('.')[0]);
  if (installed || major >= 22) return false;
  installed = true;
  Object.defineProperty(AsyncResource.prototype, 'bind', {
    configurable: true,
    writable: true,
    enumerable: false,
    value: function bind(this: AsyncResource, fn: AnyFunction, thisArg?: unknown): AnyFunction {
      if (typeof fn !== 'function') {
        throw new TypeError('The "fn" argument must be of type function');
      }
      const bound = boundTo(this, fn, thisArg);
      Object.defineProperties(bound, {
        length: { configurable: true, enumerable: false, value: fn.length, writable: false },
        asyncResource: { configurable: true, enumerable: true, value: this, writable: true },
      });
      return bound;
    },
  });
  return true;
}
