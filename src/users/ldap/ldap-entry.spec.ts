import { claimsFromEntry, firstValue } from './ldap-entry';
import { DEFAULT_LDAP_CLAIMS } from './ldap-options';

describe('claimsFromEntry (attribute map; RFC 3866 language options → OIDC Core §5.2 tags)', () => {
  const entry = {
    dn: 'uid=dave,ou=people,dc=example,dc=org',
    cn: 'Dave Davis',
    'cn;lang-ja': 'デイビス デイブ',
    'cn;binary': 'ignored',
    sn: ['Davis', 'Second'],
    mail: Buffer.from('dave@example.org'),
    modifyTimestamp: '20240102030405Z',
  };

  it('maps attributes case-insensitively, tags language variants, converts updated_at', () => {
    expect(claimsFromEntry(entry, DEFAULT_LDAP_CLAIMS)).toEqual({
      name: 'Dave Davis',
      'name#ja': 'デイビス デイブ',
      family_name: 'Davis',
      email: 'dave@example.org',
      updated_at: Date.UTC(2024, 0, 2, 3, 4, 5) / 1000,
    });
  });

  it('leaves out unmapped and unparsable values', () => {
    expect(
      claimsFromEntry({ dn: 'x', modifyTimestamp: 'yesterday' }, { updated_at: 'modifyTimestamp' }),
    ).toEqual({});
    expect(firstValue(entry, 'MAIL')).toBe('dave@example.org');
    expect(firstValue(entry, 'telephoneNumber')).toBeUndefined();
  });
});
