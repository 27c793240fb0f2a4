import type { PageLocale } from '../../../interaction/views/locales';

/** The texts of the device verification pages (the login and consent pages are shared). */
export interface DeviceMessages {
  readonly lang: PageLocale;
  readonly codeTitle: string;
  readonly codeLead: string;
  readonly codeLabel: string;
  readonly confirmLead: string;
  readonly continue: string;
  readonly notFound: string;
  readonly expired: string;
  readonly tooMany: (seconds: number) => string;
  readonly badForm: string;
  readonly approvedTitle: string;
  readonly approved: string;
  readonly deniedTitle: string;
  readonly denied: string;
  readonly failedTitle: string;
  readonly failed: string;
}

const en: DeviceMessages = {
  lang: 'en',
  codeTitle: 'Connect a device',
  codeLead: 'Enter the code shown on your device.',
  codeLabel: 'Code',
  confirmLead: 'Check that this is the code shown on your device, then continue.',
  continue: 'Continue',
  notFound: 'That code was not recognised. Check it and try again.',
  expired: 'That code has expired. Start again on your device to get a new one.',
  tooMany: (seconds) => `Too many wrong codes. Try again in ${Math.ceil(seconds / 60)} minutes.`,
  badForm: 'This form has expired. Enter the code again.',
  approvedTitle: 'Device connected',
  approved: 'You can return to your device now.',
  deniedTitle: 'Access denied',
  denied: 'The device was not given access. You can close this page.',
  failedTitle: 'Something went wrong',
  failed: 'The code could not be confirmed. Start again on your device.',
};

const ja: DeviceMessages = {
  lang: 'ja',
  codeTitle: 'デバイスを接続',
  codeLead: 'デバイスに表示されているコードを入力してください。',
  codeLabel: 'コード',
  confirmLead: 'デバイスに表示されているコードと同じであることを確認してから、続行してください。',
  continue: '続行',
  notFound: 'コードが見つかりません。確認してもう一度入力してください。',
  expired:
    'このコードは有効期限が切れています。デバイスでやり直して新しいコードを取得してください。',
  tooMany: (seconds) =>
    `誤ったコードの入力が続いたため、${Math.ceil(seconds / 60)}分待ってからもう一度お試しください。`,
  badForm: 'このフォームは有効期限が切れています。もう一度コードを入力してください。',
  approvedTitle: 'デバイスを接続しました',
  approved: 'デバイスに戻って操作を続けてください。',
  deniedTitle: 'アクセスを拒否しました',
  denied: 'デバイスにアクセスは許可されませんでした。このページは閉じてかまいません。',
  failedTitle: 'エラーが発生しました',
  failed: 'コードを確認できませんでした。デバイスでやり直してください。',
};

const BY_LOCALE: Record<PageLocale, DeviceMessages> = { en, ja };

/** The device pages' texts in a page language (RFC 8628 §3.3: pages a person reads). */
export function deviceMessagesFor(locale: PageLocale): DeviceMessages {
  return BY_LOCALE[locale];
}
