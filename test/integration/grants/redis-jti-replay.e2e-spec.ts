import { useTwoInstances } from '../support/two-instances';
import { randomUUID } from 'node:crypto';
import { demoJwt, EXCHANGE, JWT_BEARER, postForm } from '../../e2e/grants/grant-helpers';

/**
 * RFC 7523 §3 item 7 across instances: the `jti` of a JWT-bearer assertion is remembered in the
 * shared Redis store, so an assertion redeemed at one instance is refused at the other.
 */
describe('JWT-bearer jti replay with two instances sharing one Redis (REDIS_URL)', () => {
  const instances = useTwoInstances();

  it('an assertion redeemed at instance A is invalid_grant at instance B', async () => {
    const assertion = await demoJwt({ jti: randomUUID() });
    const grant = (url: string) =>
      postForm(`${url}/api/token`, { grant_type: JWT_BEARER, assertion, scope: 'read' }, EXCHANGE);
    expect((await grant(instances.urls[0])).status).toBe(200);
    const replay = await grant(instances.urls[1]);
    expect({ status: replay.status, error: replay.json.error }).toEqual({
      status: 400,
      error: 'invalid_grant',
    });
    expect(
      await instances.redis.keys(`${instances.prefix}{general}:once:jwt-bearer:*`),
    ).toHaveLength(1);
  });
});
