import { Reflector } from '@nestjs/core';

type Remembered = Map<unknown, unknown>;

function rememberedFor<K extends object, V>(map: WeakMap<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function recall<T>(remembered: Remembered, key: unknown, read: () => T): T {
  if (remembered.has(key)) return remembered.get(key) as T;
  const value = read();
  remembered.set(key, value);
  return value;
}

/**
 * A {@link Reflector} that remembers `getAllAndOverride` and `get` answers per handler and class.
 * Route metadata is written once, by decorators, when the classes are defined, so the answer for a
 * (key, handler, class) never changes; the Nest reflector walks `reflect-metadata` on every call,
 * and a rate-limited request asks it about twenty times (three throttlers × six keys, the route's
 * class, the action map). Used by the global guard and interceptor on the request path.
 */
export class MemoizedReflector extends Reflector {
  private readonly overrides = new WeakMap<object, WeakMap<object, Remembered>>();
  private readonly singles = new WeakMap<object, Remembered>();

  override getAllAndOverride<TResult = unknown, TKey = unknown>(
    metadataKey: TKey,
    targets: object[],
  ): TResult {
    const read = (): TResult =>
      super.getAllAndOverride<TResult, TKey>(metadataKey, targets as never);
    const [handler, classRef] = targets;
    if (targets.length !== 2 || handler === undefined || classRef === undefined) return read();
    const byClass = rememberedFor(this.overrides, handler, () => new WeakMap<object, Remembered>());
    return recall(
      rememberedFor(byClass, classRef, () => new Map()),
      metadataKey,
      read,
    );
  }

  override get<TResult = unknown, TKey = unknown>(metadataKey: TKey, target: object): TResult {
    const read = (): TResult => super.get<TResult, TKey>(metadataKey, target as never);
    return recall(
      rememberedFor(this.singles, target, () => new Map()),
      metadataKey,
      read,
    );
  }
}
