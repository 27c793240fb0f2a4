import { SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { MemoizedReflector } from './memoized-reflector';

@SetMetadata('level', 'class')
class Routes {
  @SetMetadata('level', 'handler')
  overridden(): void {}

  inherited(): void {}
}

describe('MemoizedReflector', () => {
  const plain = new Reflector();
  const handlers = [Routes.prototype.overridden, Routes.prototype.inherited];

  it('answers getAllAndOverride and get exactly as the Nest reflector does', () => {
    const memoized = new MemoizedReflector();
    for (const handler of handlers) {
      for (let round = 0; round < 2; round += 1) {
        expect(memoized.getAllAndOverride('level', [handler, Routes])).toBe(
          plain.getAllAndOverride('level', [handler, Routes]),
        );
        expect(memoized.get('level', handler)).toBe(plain.get('level', handler));
        expect(memoized.get('absent', handler)).toBeUndefined();
      }
    }
    expect(memoized.getAllAndOverride('level', [Routes.prototype.overridden, Routes])).toBe(
      'handler',
    );
    expect(memoized.getAllAndOverride('level', [Routes.prototype.inherited, Routes])).toBe('class');
  });

  it('reads the metadata of a (key, handler, class) once, an absent key included', () => {
    const memoized = new MemoizedReflector();
    const read = jest.spyOn(Reflector.prototype, 'getAllAndOverride');
    for (let round = 0; round < 3; round += 1) {
      memoized.getAllAndOverride('level', [Routes.prototype.inherited, Routes]);
      memoized.getAllAndOverride('absent', [Routes.prototype.inherited, Routes]);
    }
    expect(read).toHaveBeenCalledTimes(2);
    read.mockRestore();
  });

  it('does not remember lookups over other than a handler and its class', () => {
    const memoized = new MemoizedReflector();
    const read = jest.spyOn(Reflector.prototype, 'getAllAndOverride');
    memoized.getAllAndOverride('level', [Routes]);
    memoized.getAllAndOverride('level', [Routes]);
    expect(read).toHaveBeenCalledTimes(2);
    read.mockRestore();
  });
});
