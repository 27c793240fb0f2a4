/** The texts of the sign-out pages, in English and Japanese (selected by `ui_locales`). */
export interface LogoutMessages {
  readonly lang: string;
  readonly confirmTitle: string;
  readonly confirmLead: string;
  readonly confirmFor: (client: string) => string;
  readonly signOut: string;
  readonly stay: string;
  readonly signedOutTitle: string;
  readonly signedOutLead: string;
  readonly stayedTitle: string;
  readonly stayedLead: string;
  readonly failedTitle: string;
  readonly errors: Readonly<Record<LogoutErrorReason, string>>;
}

/** Why a sign-out request was refused. */
export type LogoutErrorReason =
  | 'badHint'
  | 'clientMismatch'
  | 'noClient'
  | 'unregistered'
  | 'unverifiable'
  | 'duplicated'
  | 'forged';

const en: LogoutMessages = {
  lang: 'en',
  confirmTitle: 'Sign out',
  confirmLead: 'Do you want to sign out?',
  confirmFor: (client) => `The application “${client}” asked to sign you out.`,
  signOut: 'Sign out',
  stay: 'Stay signed in',
  signedOutTitle: 'You have signed out',
  signedOutLead: 'You can close this window.',
  stayedTitle: 'You are still signed in',
  stayedLead: 'Nothing has changed. You can close this window.',
  failedTitle: 'Sign out failed',
  errors: {
    badHint: 'The sign-out request carries an ID token that this server did not issue.',
    clientMismatch: 'The client_id does not match the ID token of the sign-out request.',
    noClient: 'A post_logout_redirect_uri needs an id_token_hint or a client_id.',
    unregistered: 'The post_logout_redirect_uri is not registered for this application.',
    unverifiable: 'The sign-out request cannot be checked right now. Please try again later.',
    duplicated: 'A parameter of the sign-out request is repeated.',
    forged: 'The form could not be verified.',
  },
};

const ja: LogoutMessages = {
  lang: 'ja',
  confirmTitle: 'サインアウト',
  confirmLead: 'サインアウトしますか？',
  confirmFor: (client) => `アプリケーション「${client}」がサインアウトを要求しています。`,
  signOut: 'サインアウト',
  stay: 'サインインしたままにする',
  signedOutTitle: 'サインアウトしました',
  signedOutLead: 'このウィンドウを閉じてかまいません。',
  stayedTitle: 'サインインしたままです',
  stayedLead: '何も変更されていません。このウィンドウを閉じてかまいません。',
  failedTitle: 'サインアウトできませんでした',
  errors: {
    badHint: 'このサーバーが発行していない ID トークンがサインアウト要求に含まれています。',
    clientMismatch: 'client_id がサインアウト要求の ID トークンと一致しません。',
    noClient: 'post_logout_redirect_uri には id_token_hint または client_id が必要です。',
    unregistered: 'post_logout_redirect_uri はこのアプリケーションに登録されていません。',
    unverifiable: '現在サインアウト要求を確認できません。しばらくしてから再度お試しください。',
    duplicated: 'サインアウト要求のパラメーターが重複しています。',
    forged: 'フォームを検証できませんでした。',
  },
};

/** The first supported language of `ui_locales` (OIDC Core §3.1.2.1), English otherwise. */
export function logoutMessages(uiLocales: string | undefined): LogoutMessages {
  const first = (uiLocales ?? '')
    .split(' ')
    .map((tag) => tag.toLowerCase().split('-')[0])
    .find((tag) => tag === 'en' || tag === 'ja');
  return first === 'ja' ? ja : en;
}
