import { readRawValues } from './raw-parameters';

describe('readRawValues', () => {
  it('tells max_age=0 from an absent max_age', () => {
    expect(readRawValues('max_age=0').maxAge).toBe(0);
    expect(readRawValues('scope=openid').maxAge).toBeUndefined();
    expect(readRawValues('max_age=-1').maxAge).toBeUndefined();
  });

  it('lets the request object win (OIDC Core §6.1)', () => {
    expect(readRawValues('max_age=60', '{"max_age":0}').maxAge).toBe(0);
    expect(readRawValues('', '{"ui_locales":"ja en"}').uiLocales).toEqual(['ja', 'en']);
  });

  it('splits ui_locales on spaces', () => {
    expect(readRawValues('ui_locales=ja+en').uiLocales).toEqual(['ja', 'en']);
  });
});
