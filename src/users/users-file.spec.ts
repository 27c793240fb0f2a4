import { parseUsersFile } from './users-file';

const HASH =
  '$scrypt$N=16384,r=8,p=1$IbjzdDxechhUwPS5CcAayw==$dG/kiUN9WQN5IKo5Txcg+2LnZKwAtGpNAUhjRufkJoY=';
const user = (fields: Record<string, unknown> = {}) => ({
  subject: '1001',
  username: 'alice',
  passwordHash: HASH,
  ...fields,
});
const file = (...users: unknown[]): string => JSON.stringify({ users });

describe('parseUsersFile (USERS_FILE)', () => {
  it('reads users, defaulting claims to {}', () => {
    expect(parseUsersFile(file(user({ amr: ['pwd'], acr: 'urn:x' })), 'u.json')).toEqual([
      {
        subject: '1001',
        username: 'alice',
        passwordHash: HASH,
        acr: 'urn:x',
        amr: ['pwd'],
        claims: {},
      },
    ]);
  });

  it.each([
    ['not JSON', '{', 'USERS_FILE u.json: the file is not valid JSON'],
    ['no users array', '{"users":{}}', 'USERS_FILE u.json: users must be an array'],
    ['a non-object entry', file(1), 'USERS_FILE u.json: users[0] must be an object'],
    [
      'a subject with spaces',
      file(user({ subject: 'a b' })),
      'USERS_FILE u.json: users[0].subject must be 1-100 printable ASCII characters',
    ],
    [
      'a subject over 100 characters',
      file(user({ subject: 'x'.repeat(101) })),
      'USERS_FILE u.json: users[0].subject must be 1-100 printable ASCII characters',
    ],
    [
      'an empty username',
      file(user({ username: '' })),
      'USERS_FILE u.json: users[0].username must be a non-empty string',
    ],
    [
      'a duplicated username',
      file(user(), user({ subject: '1002' })),
      'USERS_FILE u.json: users[1] duplicates a username or subject',
    ],
    [
      'a duplicated subject',
      file(user(), user({ username: 'bob' })),
      'USERS_FILE u.json: users[1] duplicates a username or subject',
    ],
    [
      'a plain-text password',
      file(user({ passwordHash: 'alice-password' })),
      'USERS_FILE u.json: users[0].passwordHash must be a $scrypt$ hash',
    ],
    ['a numeric acr', file(user({ acr: 1 })), 'USERS_FILE u.json: users[0].acr must be a string'],
    [
      'amr not a string array',
      file(user({ amr: 'pwd' })),
      'USERS_FILE u.json: users[0].amr must be an array of strings',
    ],
    [
      'claims not an object',
      file(user({ claims: [] })),
      'USERS_FILE u.json: users[0].claims must be an object',
    ],
  ])('refuses %s with a message naming the file and field', (_why, text, message) => {
    expect(() => parseUsersFile(text, 'u.json')).toThrow(message);
  });

  it('reads the shipped config/users.json', async () => {
    const { readFile } = await import('node:fs/promises');
    const users = parseUsersFile(await readFile('config/users.json', 'utf8'), 'config/users.json');
    expect(users.map((entry) => entry.username)).toEqual(expect.arrayContaining(['alice', 'bob']));
  });
});
