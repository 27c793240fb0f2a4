import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../../../src/bootstrap';
import { resetEnv, setEnv } from '../../support/test-app';

describe('TRUSTED_ISSUERS_FILE is validated at start-up (docs/trusted-issuers.md)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'trusted-issuers-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  afterEach(() => resetEnv());

  it('a bad file stops start-up with one line per problem, naming the file and the field', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        trustedIssuers: [
          { issuer: 'https://a.example', jwks: { keys: [{ kty: 'EC' }] }, algorithms: ['HS256'] },
          { issuer: 'nope', algorithms: ['ES256'] },
        ],
      }),
    );
    setEnv({ TRUSTED_ISSUERS_FILE: file, LOG_LEVEL: 'silent' });
    await expect(createApp({ logger: false })).rejects.toThrow(
      [
        `TRUSTED_ISSUERS_FILE ${file}: trustedIssuers[0].algorithms: "HS256" is not an asymmetric JWS algorithm`,
        `TRUSTED_ISSUERS_FILE ${file}: trustedIssuers[1].issuer: must be an absolute URL`,
        `TRUSTED_ISSUERS_FILE ${file}: trustedIssuers[1]: exactly one of jwks and jwksUri is required`,
      ].join('\n'),
    );
  });

  it('the demo issuer is refused with NODE_ENV=production, and a missing file is named', async () => {
    setEnv({
      TRUSTED_ISSUERS_FILE: 'config/trusted-issuers.json',
      NODE_ENV: 'production',
      ENGINE_ALLOW_PRODUCTION: 'true',
      SESSION_SECRET: 'x'.repeat(40),
      USERS_ALLOW_DEMO: 'true',
      LOG_LEVEL: 'silent',
    });
    await expect(createApp({ logger: false })).rejects.toThrow(
      `TRUSTED_ISSUERS_FILE ${resolve('config/trusted-issuers.json')}: trustedIssuers[0]: the demo issuer https://demo-assertion-issuer.example is refused with NODE_ENV=production`,
    );
    resetEnv();
    setEnv({ TRUSTED_ISSUERS_FILE: join(dir, 'missing.json'), LOG_LEVEL: 'silent' });
    await expect(createApp({ logger: false })).rejects.toThrow(
      `TRUSTED_ISSUERS_FILE: cannot read ${join(dir, 'missing.json')}`,
    );
  });
});
