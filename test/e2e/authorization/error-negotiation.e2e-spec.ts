import { useFakeAuthleteApp } from '../../support/test-app';
import { Browser } from '../../support/browser';
import { formOf } from '../../support/pages';

/** What Chromium sends for a page navigation. */
const BROWSER_ACCEPT =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

/** Odd spacing, key order and escapes: only a byte-for-byte relay keeps them. */
const CONTENT =
  '{"error":"invalid_request",  "error_description":"<b>redirect_uri</b> \\u00e9 is not registered","x":1}';

function interaction(): { body: Record<string, unknown> } {
  return {
    body: {
      action: 'INTERACTION',
      ticket: 'ticket-1',
      maxAge: 0,
      acrEssential: false,
      client: { clientId: 1234, clientIdAlias: 'c1', clientName: 'Client One' },
      service: { serviceName: 'Example Login' },
      scopes: [{ name: 'openid' }],
    },
  };
}

describe('authorization-endpoint errors carry responseContent (issue 11, Build 11)', () => {
  const suite = useFakeAuthleteApp();
  beforeEach(() => suite.fake.reset());

  it.each([
    ['BAD_REQUEST', 400],
    ['INTERNAL_SERVER_ERROR', 500],
  ])(
    '/auth/authorization %s → %i with responseContent byte for byte to a JSON client',
    async (action, status) => {
      suite.fake.on('auth/authorization', { body: { action, responseContent: CONTENT } });
      for (const accept of ['application/json', undefined, '*/*']) {
        const response = await fetch(`${suite.app.url}/api/authorization?client_id=x`, {
          redirect: 'manual',
          headers: accept === undefined ? {} : { accept },
        });
        expect(response.status).toBe(status);
        expect(response.headers.get('content-type')).toBe('application/json;charset=UTF-8');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('pragma')).toBe('no-cache');
        expect(response.headers.get('location')).toBeNull();
        expect(await response.text()).toBe(CONTENT);
      }
    },
  );

  it('/auth/authorization BAD_REQUEST → 400 HTML page showing the escaped error to a browser', async () => {
    suite.fake.on('auth/authorization', {
      body: { action: 'BAD_REQUEST', responseContent: CONTENT },
    });
    const response = await fetch(`${suite.app.url}/api/authorization?client_id=x`, {
      redirect: 'manual',
      headers: { accept: BROWSER_ACCEPT },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const page = await response.text();
    expect(page).toContain('<code>invalid_request</code>');
    expect(page).toContain('&lt;b&gt;redirect_uri&lt;/b&gt; é is not registered');
    expect(page).not.toContain('<b>redirect_uri');
  });

  it('/fail BAD_REQUEST (a stale ticket after Cancel) → 400 JSON byte for byte, or a page with a working "start again" link', async () => {
    suite.fake.on('auth/authorization', interaction());
    suite.fake.on('auth/authorization/fail', {
      body: { action: 'BAD_REQUEST', responseContent: CONTENT },
    });
    const query = 'client_id=c1&response_type=code&state=s%201';

    const client = new Browser(suite.app.url);
    const login = await (await client.get(`/api/authorization?${query}`)).text();
    const json = await client.post('/api/authorization/decision', {
      ...formOf(login),
      decision: 'deny',
    });
    expect(json.status).toBe(400);
    expect(json.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(json.headers.get('cache-control')).toBe('no-store');
    expect(await json.text()).toBe(CONTENT);
    expect(suite.fake.callsTo('auth/authorization/fail')[0]?.body).toEqual({
      ticket: 'ticket-1',
      reason: 'DENIED',
    });

    const browser = new Browser(suite.app.url);
    const again = await (await browser.get(`/api/authorization?${query}`)).text();
    const page = await browser.post(
      '/api/authorization/decision',
      { ...formOf(again), decision: 'deny' },
      { accept: BROWSER_ACCEPT },
    );
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('<code>invalid_request</code>');
    expect(html).toContain('<title>Something went wrong – Example Login</title>');
    const restart = /<a class="button primary" href="([^"]+)">\s*Start again\s*<\/a>/
      .exec(html)?.[1]
      ?.replaceAll('&amp;', '&');
    expect(restart).toBe(`/api/authorization?${query}`);
    // The link starts the same request again: Authlete receives the same parameters.
    suite.fake.reset();
    suite.fake.on('auth/authorization', interaction());
    const restarted = await browser.get(restart ?? '');
    expect(restarted.status).toBe(200);
    expect(suite.fake.callsTo('auth/authorization')[0]?.body).toEqual({ parameters: query });
  });
});
