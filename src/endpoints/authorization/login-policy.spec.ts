import type { AuthorizationContext } from './authorization-context';
import { loginProblem, loginRequired } from './login-policy';

const base: AuthorizationContext = {
  ticket: 't',
  client: { id: 'c', name: 'C', subjectType: 'PUBLIC', sectorIdentifier: 'c' },
  scopes: [],
  claims: [],
  claimsAtUserInfo: [],
  claimsLocales: [],
  acrs: [],
  acrEssential: false,
  prompts: [],
  maxAge: 0,
  maxAgeZero: false,
  locale: 'en',
  rawParameters: 'client_id=c',
};
const login = { subject: 's', authTime: 1000, acr: 'silver', sid: 'x' };

describe('login policy (authlete-api.md §4.1 order)', () => {
  it.each([
    ['no login', base, undefined, 'NOT_LOGGED_IN'],
    ['max_age=0', { ...base, maxAgeZero: true }, login, 'EXCEEDS_MAX_AGE'],
    ['max_age exceeded', { ...base, maxAge: 10 }, login, 'EXCEEDS_MAX_AGE'],
    ['other subject', { ...base, subject: 'other' }, login, 'DIFFERENT_SUBJECT'],
    [
      'essential acr unmet',
      { ...base, acrs: ['gold'], acrEssential: true },
      login,
      'ACR_NOT_SATISFIED',
    ],
    ['voluntary acr unmet', { ...base, acrs: ['gold'] }, login, undefined],
    ['max_age met', { ...base, maxAge: 100 }, login, undefined],
  ] as const)('%s → %s', (_name, context, current, expected) => {
    expect(loginProblem(context, current, 1050)).toBe(expected);
  });

  it('requires a login for prompt=login and select_account even with a good session', () => {
    expect(loginRequired(base, login, 1050)).toBe(false);
    expect(loginRequired({ ...base, prompts: ['LOGIN'] }, login, 1050)).toBe(true);
    expect(loginRequired({ ...base, prompts: ['SELECT_ACCOUNT'] }, login, 1050)).toBe(true);
  });
});
