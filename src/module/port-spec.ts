import type { InjectionToken, Type } from '@nestjs/common';
import type { ModuleRef } from '@nestjs/core';

/** Points at a provider the host registered itself (its lifecycle stays the host's). */
export interface ExistingPort {
  readonly useExisting: InjectionToken;
}

/**
 * How a host plugs in a port of the module: a class (built by Nest with the host's services
 * injected), a ready instance, or `{ useExisting: token }` naming a provider of the host's own.
 */
export type PortSpec<T> = Type<T> | T | ExistingPort;

const LIFECYCLE_HOOKS = new Set<PropertyKey>([
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);

/**
 * The same object without its Nest lifecycle hooks: a host's provider seen through the module
 * must not be initialised or closed twice (once by the host, once by the module).
 */
function withoutLifecycleHooks<T extends object>(target: T): T {
  return new Proxy(target, {
    get(object, key) {
      if (LIFECYCLE_HOOKS.has(key)) return undefined;
      const value: unknown = Reflect.get(object, key, object);
      return typeof value === 'function' ? (value as () => unknown).bind(object) : value;
    },
  });
}

function isExisting(spec: unknown): spec is ExistingPort {
  return typeof spec === 'object' && spec !== null && 'useExisting' in spec;
}

/**
 * Resolves a {@link PortSpec} in the module's injector: a class is instantiated with its
 * dependencies resolved from the module's imports (a host's `forRootAsync({ imports })`), an
 * existing provider is looked up anywhere in the application, an instance is used as is, and
 * nothing at all falls back to the shipped default.
 */
export async function resolvePort<T extends object>(
  spec: PortSpec<T> | undefined,
  moduleRef: ModuleRef,
  fallback: () => T | Promise<T>,
): Promise<T> {
  if (spec === undefined) return fallback();
  if (typeof spec === 'function') return moduleRef.create(spec);
  if (isExisting(spec)) {
    return withoutLifecycleHooks(moduleRef.get<T>(spec.useExisting, { strict: false }));
  }
  return spec;
}
