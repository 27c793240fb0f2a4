import type { PageLocale } from '../../../interaction/views/locales';

/** The texts of the demo authentication device page (its login page is the shared one). */
export interface CibaDeviceMessages {
  readonly lang: PageLocale;
  readonly title: string;
  readonly signedInAs: (user: string) => string;
  readonly nothingWaiting: string;
  readonly bindingMessage: string;
  readonly asksFor: string;
  readonly approve: string;
  readonly deny: string;
  readonly refresh: string;
  readonly noLongerWaiting: string;
  readonly expired: string;
  readonly approved: (client: string) => string;
  readonly denied: (client: string) => string;
}

const en: CibaDeviceMessages = {
  lang: 'en',
  title: 'Requests waiting for you',
  signedInAs: (user) => `Signed in as ${user}`,
  nothingWaiting: 'Nothing to approve right now.',
  bindingMessage: 'Code on the other screen:',
  asksFor: 'Asks for:',
  approve: 'Approve',
  deny: 'Deny',
  refresh: 'Refresh',
  noLongerWaiting: 'That request is no longer waiting.',
  expired: 'That request had expired.',
  approved: (client) => `Approved: ${client}.`,
  denied: (client) => `Denied: ${client}.`,
};

const ja: CibaDeviceMessages = {
  lang: 'ja',
  title: '承認待ちのリクエスト',
  signedInAs: (user) => `${user} としてログイン中`,
  nothingWaiting: '現在、承認が必要なリクエストはありません。',
  bindingMessage: 'もう一方の画面に表示されているコード:',
  asksFor: '求められている権限:',
  approve: '承認する',
  deny: '拒否する',
  refresh: '最新の状態に更新',
  noLongerWaiting: 'このリクエストはすでに承認待ちではありません。',
  expired: 'このリクエストは有効期限が切れていました。',
  approved: (client) => `${client} を承認しました。`,
  denied: (client) => `${client} を拒否しました。`,
};

const BY_LOCALE: Record<PageLocale, CibaDeviceMessages> = { en, ja };

/** The demo device page's texts in a page language. */
export function cibaDeviceMessagesFor(locale: PageLocale): CibaDeviceMessages {
  return BY_LOCALE[locale];
}
