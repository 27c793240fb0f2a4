import { groupClaimsByScope } from './scope-claims';

describe('groupClaimsByScope', () => {
  it('lists each claim once, under the scope that asks for it', () => {
    const grouped = groupClaimsByScope(
      [{ name: 'openid' }, { name: 'profile' }, { name: 'email' }, { name: 'read' }],
      ['sub', 'name', 'name#ja-Kana-JP', 'email', 'email_verified', 'email', 'acr_custom'],
    );
    expect(grouped.groups.map((group) => [group.scope.name, group.claims])).toEqual([
      ['openid', ['sub']],
      ['profile', ['name', 'name#ja-Kana-JP']],
      ['email', ['email', 'email_verified']],
      ['read', []],
    ]);
    expect(grouped.otherClaims).toEqual(['acr_custom']);
  });

  it('keeps claims of a scope that was not requested apart', () => {
    const grouped = groupClaimsByScope([{ name: 'openid' }], ['phone_number']);
    expect(grouped.otherClaims).toEqual(['phone_number']);
  });
});
