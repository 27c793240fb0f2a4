import { claimsFromRow } from './row-claims';
import { quoteTable } from './postgres-schema';

describe('claimsFromRow (OIDC Core §5.1 columns + the claims JSON column)', () => {
  it('drops nulls, turns updated_at into seconds, and overlays the JSON members', () => {
    expect(
      claimsFromRow({
        name: 'Ann',
        email: null,
        email_verified: false,
        address: { country: 'JP' },
        updated_at: new Date('2023-11-14T22:13:20Z'),
        claims: { 'name#ja': 'アン', nickname: 'annie' },
      }),
    ).toEqual({
      name: 'Ann',
      email_verified: false,
      address: { country: 'JP' },
      updated_at: 1700000000,
      'name#ja': 'アン',
      nickname: 'annie',
    });
  });
});

describe('quoteTable', () => {
  it('quotes plain and schema-qualified names', () => {
    expect(quoteTable('oauth_users')).toBe('"oauth_users"');
    expect(quoteTable('auth.users')).toBe('"auth"."users"');
  });

  it.each(['Users', 'users;drop', 'a.b.c', '"x"', ''])('refuses %j', (name) => {
    expect(() => quoteTable(name)).toThrow('must be a lower-case SQL identifier');
  });
});
