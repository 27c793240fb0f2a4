import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { authorizationServerAdapterOptions } from 'nestjs-oauth-server';
import { AppModule } from '../src/app.module';

const CLIENT = {
  id: 'demo-web',
  secret: 'demo-web-secret',
  redirect: 'http://localhost:3000/callback',
};

/** A tiny user agent: keeps cookies, follows the server's own redirects, submits forms. */
class Agent {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async send(url: URL, form?: Record<string, string>): Promise<Response> {
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? new URLSearchParams(form).toString() : undefined,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = (pair ?? '').split('=');
      if (name) this.cookies.set(name.trim(), value.join('='));
    }
    return response;
  }

  /** Plays login and consent until the server redirects to the client; returns the code. */
  async authorize(query: Record<string, string>, login: Record<string, string>): Promise<string> {
    let url = new URL(`${this.base}/api/authorization?${new URLSearchParams(query).toString()}`);
    let form: Record<string, string> | undefined;
    for (let step = 0; step < 8; step += 1) {
      const response = await this.send(url, form);
      const location = response.headers.get('location');
      if (location !== null) {
        const target = new URL(location, url);
        if (target.origin !== new URL(this.base).origin) {
          const code = target.searchParams.get('code');
          if (code === null) throw new Error(`no code in ${target.href}`);
          return code;
        }
        url = target;
        form = undefined;
        continue;
      }
      const html = await response.text();
      const action = /<form\s+method="post"\s+action="([^"]+)"/.exec(html)?.[1];
      const hidden = Object.fromEntries(
        [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [
          m[1],
          m[2],
        ]),
      );
      if (action === undefined)
        throw new Error(`unexpected page ${response.status}: ${html.slice(0, 300)}`);
      url = new URL(action.replaceAll('&amp;', '&'), url);
      form = html.includes('type="password"')
        ? { ...hidden, ...login, decision: 'login' }
        : { ...hidden, decision: 'approve' };
    }
    throw new Error('the authorization did not finish');
  }
}

describe('a host app using the packed nestjs-oauth-server', () => {
  let app: NestFastifyApplication;
  let base: string;

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    app = await NestFactory.create<NestFastifyApplication>(
      AppModule,
      new FastifyAdapter(authorizationServerAdapterOptions()),
      { logger: false, abortOnError: false },
    );
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
  });

  async function tokenFor(scope: string): Promise<string> {
    const code = await new Agent(base).authorize(
      {
        response_type: 'code',
        client_id: CLIENT.id,
        redirect_uri: CLIENT.redirect,
        scope,
        state: 's1',
      },
      { username: 'erin', password: 'erin-password' },
    );
    const response = await fetch(`${base}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT.id}:${CLIENT.secret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLIENT.redirect,
      }).toString(),
    });
    expect(response.status).toBe(200);
    const tokens = (await response.json()) as { access_token: string; id_token: string };
    const idToken = JSON.parse(
      Buffer.from(tokens.id_token.split('.')[1] ?? '', 'base64url').toString(),
    );
    expect(idToken.sub).toBe('member-42');
    return tokens.access_token;
  }

  it('signs a member of the host in through the code flow and calls the protected API', async () => {
    const token = await tokenFor('openid profile');
    const ok = await fetch(`${base}/orders`, { headers: { authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ owner: 'member-42', orders: [] });

    const none = await fetch(`${base}/orders`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');

    const narrow = await fetch(`${base}/orders/admin`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(narrow.status).toBe(403);
    expect(narrow.headers.get('www-authenticate')).toMatch(/^Bearer error="insufficient_scope"/);
    expect(await narrow.json()).toEqual({ error: 'insufficient_scope' });
  });
});
