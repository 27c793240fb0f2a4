import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import { installLeanAsyncResourceBind } from './async-resource-bind';

describe('installLeanAsyncResourceBind (Node 22 AsyncResource.bind on Node 20)', () => {
  beforeAll(() => {
    installLeanAsyncResourceBind();
  });

  it('runs the bound function in the async context of the resource, with its this and arguments', () => {
    const storage = new AsyncLocalStorage<string>();
    const bound = storage.run('inside', () =>
      AsyncResource.bind(function (this: unknown, a: number, b: number) {
        return { store: storage.getStore(), self: this, sum: a + b };
      }),
    );
    const self = { name: 'caller' };
    expect(storage.run('outside', () => bound.call(self, 1, 2))).toEqual({
      store: 'inside',
      self,
      sum: 3,
    });
  });

  it('binds thisArg when given, and keeps length and asyncResource', () => {
    const resource = new AsyncResource('test');
    const target = { value: 7 };
    const read = function (this: { value: number }, _x: number, _y: number): number {
      return this.value;
    };
    // Node accepts a thisArg (AsyncResource#bind(fn, thisArg)); @types/node 20 does not declare it.
    const bound = Reflect.apply(resource.bind, resource, [read, target]) as typeof read;
    expect(bound.call({ value: 0 }, 0, 0)).toBe(7);
    expect(bound.length).toBe(2);
    expect((bound as unknown as { asyncResource: AsyncResource }).asyncResource).toBe(resource);
  });

  it('rejects a non-function like Node does', () => {
    expect(() => new AsyncResource('test').bind(42 as never)).toThrow(TypeError);
  });
});
