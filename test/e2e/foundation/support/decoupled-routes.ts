import { Browser } from '../../../support/browser';
import { deviceDecide, deviceLogin, enterUserCode } from '../../device/support/device-browser';
import type { Reach } from './reach';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { ...FORM, ...headers }, body });

/** An action no Authlete version so far has defined. */
const future = {
  body: { action: 'ACTION_FROM_THE_FUTURE', resultCode: 'A999001', responseContent: '{"x":1}' },
};

const IDENTIFIED = (hint: string) => ({
  'backchannel/authentication': {
    body: {
      action: 'USER_IDENTIFICATION',
      ticket: 'ticket-1',
      clientIdAlias: 'demo-ciba',
      hintType: 'LOGIN_HINT',
      hint,
      scopes: [{ name: 'openid' }],
    },
  },
});

const postBackchannel = (url: string, hint: string) =>
  post(`${url}/api/backchannel/authentication`, `scope=openid&login_hint=${hint}`, {
    authorization: basic('demo-ciba', 'demo-ciba-secret'),
  });

/**
 * The unknown-action rows of the device grant (RFC 8628) and CIBA routes, kept beside the main
 * table of unknown-action.e2e-spec.ts.
 */
export const DECOUPLED_ROUTES: Readonly<Record<string, readonly Reach[] | string>> = {
  'POST /api/device/authorization': [
    {
      title: '/device/authorization',
      replies: { 'device/authorization': future },
      send: (url) => post(`${url}/api/device/authorization`, 'client_id=demo-device'),
    },
  ],
  'POST /api/device': [
    {
      title: '/device/verification',
      replies: { 'device/verification': future },
      send: async (url) => enterUserCode(new Browser(url), 'BCDF-GHJK'),
    },
    {
      title: '/device/complete after login and consent',
      replies: {
        'device/verification': { body: { action: 'VALID', clientIdAlias: 'demo-device' } },
        'device/complete': future,
      },
      send: async (url) => {
        const browser = new Browser(url);
        const login = await (await enterUserCode(browser, 'BCDFGHJK')).text();
        const consent = await (await deviceLogin(browser, login, 'alice', 'alice-password')).text();
        return deviceDecide(browser, consent, 'approve');
      },
    },
  ],
  'GET /api/device': 'no Authlete call (the code form)',
  'POST /api/backchannel/authentication': [
    {
      title: '/backchannel/authentication',
      replies: { 'backchannel/authentication': future },
      send: (url) => postBackchannel(url, 'alice'),
    },
    {
      title: '/backchannel/authentication/issue after USER_IDENTIFICATION',
      replies: { ...IDENTIFIED('alice'), 'backchannel/authentication/issue': future },
      send: (url) => postBackchannel(url, 'alice'),
    },
    {
      title: '/backchannel/authentication/fail for an unknown user',
      replies: { ...IDENTIFIED('nobody'), 'backchannel/authentication/fail': future },
      send: (url) => postBackchannel(url, 'nobody'),
    },
  ],
  'POST /api/backchannel/device': [
    {
      title: '/backchannel/authentication/complete after approval',
      replies: {
        ...IDENTIFIED('alice'),
        'backchannel/authentication/issue': {
          body: { action: 'OK', authReqId: 'arid-1', expiresIn: 600, responseContent: '{}' },
        },
        'backchannel/authentication/complete': future,
      },
      send: async (url) => {
        await postBackchannel(url, 'alice');
        const browser = new Browser(url);
        const login = await (await browser.get('/api/backchannel/device')).text();
        const csrf = /name="csrf" value="([^"]*)"/.exec(login)?.[1] ?? '';
        const list = await browser.post('/api/backchannel/device', {
          csrf,
          username: 'alice',
          password: 'alice-password',
          decision: 'login',
        });
        const page = await list.text();
        const token = /name="csrf" value="([^"]*)"/.exec(page)?.[1] ?? '';
        return browser.post('/api/backchannel/device', {
          csrf: token,
          request: 'arid-1',
          decision: 'approve',
        });
      },
    },
  ],
  'GET /api/backchannel/device': 'no Authlete call (the demo device page)',
};
