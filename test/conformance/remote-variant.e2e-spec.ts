import { REQUIRED_REMOTE_VARIABLES, remoteTarget } from './support/remote-target';

/**
 * The remote variant of the conformance suite: every file under test/conformance runs its checks
 * against the offline app and, when `CONFORMANCE_*` variables name a deployment backed by a real
 * Authlete service, against that deployment too (docs/conformance.md, "Remote variant"). This file
 * prints why the remote variant is not running, once per run, and refuses a half-done configuration.
 */
describe('conformance: remote variant configuration', () => {
  const result = remoteTarget();

  if (result.target === undefined) {
    console.warn(`[conformance] ${result.reason}`);
  } else {
    console.warn(`[conformance] remote variant runs against ${result.target.issuer}`);
  }

  it('is either fully configured or not configured at all', () => {
    const set = REQUIRED_REMOTE_VARIABLES.filter((name) => (process.env[name] ?? '').trim() !== '');
    if (set.length > 0) {
      expect({ missing: REQUIRED_REMOTE_VARIABLES.filter((name) => !set.includes(name)) }).toEqual({
        missing: [],
      });
    }
    expect(result.target !== undefined || result.reason.length > 0).toBe(true);
  });
});
