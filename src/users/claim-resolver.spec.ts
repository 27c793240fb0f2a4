import { resolveClaims } from './claim-resolver';

const STORED = {
  name: 'Alice Adams',
  'name#ja': 'アダムス アリス',
  'name#ja-Kana-JP': 'アダムス アリス (カナ)',
  family_name: 'Adams',
  'family_name#fr': 'Adams-fr',
  email: 'alice@example.com',
  email_verified: true,
  updated_at: 1700000000,
};

describe('resolveClaims (OIDC Core §5.1, §5.2)', () => {
  it('returns requested claims only, keeping their JSON types, and leaves unknown ones out', () => {
    expect(resolveClaims(STORED, ['email', 'email_verified', 'updated_at', 'phone'], [])).toEqual({
      email: 'alice@example.com',
      email_verified: true,
      updated_at: 1700000000,
    });
  });

  it('answers a tagged name under that exact key, falling back to the language prefix', () => {
    expect(resolveClaims(STORED, ['name#ja-Kana-JP', 'name#ja-JP', 'family_name#de'], [])).toEqual({
      'name#ja-Kana-JP': 'アダムス アリス (カナ)',
      'name#ja-JP': 'アダムス アリス',
    });
  });

  it('prefers the first matching claims_locales entry for an untagged name, then the plain value', () => {
    expect(resolveClaims(STORED, ['name', 'family_name'], ['de', 'ja-JP', 'fr'])).toEqual({
      name: 'アダムス アリス',
      family_name: 'Adams-fr',
    });
    expect(resolveClaims(STORED, ['name'], ['de'])).toEqual({ name: 'Alice Adams' });
  });

  it('returns nothing for no names', () => {
    expect(resolveClaims(STORED, [], ['ja'])).toEqual({});
  });
});
