import { NotJsonValueError, sealJsonValue } from './json-value-seal';

describe('sealJsonValue (test-time guard of the in-process value hand-over)', () => {
  it('accepts plain JSON data, with undefined members read as absent, and freezes it deeply', () => {
    const value = {
      parameters: 'grant_type=client_credentials',
      scopes: ['read', 'write'],
      nested: { count: 3, flag: false, none: null },
      clientId: undefined,
      bare: Object.assign(Object.create(null) as object, { a: 1 }),
    };
    sealJsonValue(value, 'test');
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.scopes)).toBe(true);
    expect(Object.isFrozen(value.nested)).toBe(true);
    expect(() => value.scopes.push('admin')).toThrow(TypeError);
    expect(() => {
      (value.nested as { count: number }).count = 4;
    }).toThrow(TypeError);
  });

  it.each([
    ['a Date', { at: new Date(0) }, '$.at is an instance of Date'],
    ['a Map', { claims: new Map() }, '$.claims is an instance of Map'],
    ['NaN', { expiresIn: Number.NaN }, '$.expiresIn is NaN'],
    ['Infinity', { list: [1, Infinity] }, '$.list[1] is Infinity'],
    ['undefined in an array', { list: ['a', undefined] }, '$.list[1] is undefined'],
    ['a function', { hook: () => 1 }, '$.hook is function'],
    ['a bigint', { id: 1n }, '$.id is bigint'],
  ])('refuses %s, naming where it is', (_label, value, message) => {
    expect(() => sealJsonValue(value, '/auth/token body')).toThrow(NotJsonValueError);
    expect(() => sealJsonValue(value, '/auth/token body')).toThrow(
      `/auth/token body: ${message}, which JSON would not carry unchanged`,
    );
  });
});
