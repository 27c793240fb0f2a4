import { html } from '../../../interaction/views/html';
import { layout } from '../../../interaction/views/layout';
import type { PageFrame } from '../../../interaction/views/page-frame';
import type { DeviceMessages } from './device-messages';

/** What the code entry page shows. */
export interface UserCodePageModel {
  readonly frame: PageFrame;
  /** The texts, in the page language. */
  readonly t: DeviceMessages;
  readonly csrf: string;
  /** Pre-filled from `verification_uri_complete` (RFC 8628 §3.3.1) or the last try. */
  readonly userCode?: string;
  /** True when the code came in the link: the person is asked to confirm it (§5.4). */
  readonly confirm: boolean;
  readonly error?: string;
}

/**
 * The verification page (RFC 8628 §3.3; stable markup: an input named `user_code`). The field
 * takes any case, spaces and dashes (§6.1); a code from `verification_uri_complete` is shown
 * pre-filled and still needs the person's "Continue" (§5.4, remote phishing).
 */
export function userCodePage(model: UserCodePageModel) {
  const { t } = model;
  const body = html`<h1>${t.codeTitle}</h1>
    <p class="lead">${model.confirm ? t.confirmLead : t.codeLead}</p>
    ${model.error ? html`<p class="error" id="code-error" role="alert">${model.error}</p>` : ''}
    <form method="post" action="${model.frame.basePath}/api/device">
      <input type="hidden" name="csrf" value="${model.csrf}" />
      <label for="user_code">${t.codeLabel}</label>
      <input
        type="text"
        id="user_code"
        name="user_code"
        value="${model.userCode ?? ''}"
        autocomplete="one-time-code"
        autocapitalize="characters"
        spellcheck="false"
        maxlength="64"
        required
        autofocus${model.error ? html` aria-invalid="true" aria-describedby="code-error"` : ''}
      />
      <div class="actions">
        <button type="submit" class="primary">${t.continue}</button>
      </div>
    </form>`;
  return layout(
    {
      lang: t.lang,
      title: t.codeTitle,
      serviceName: model.frame.serviceName,
      basePath: model.frame.basePath,
    },
    body,
  );
}

/** The end of a verification: approved, denied, or failed (with a link to enter another code). */
export function deviceResultPage(
  frame: PageFrame,
  t: DeviceMessages,
  outcome: 'approved' | 'denied' | 'failed' | 'expired',
) {
  const title =
    outcome === 'approved' ? t.approvedTitle : outcome === 'denied' ? t.deniedTitle : t.failedTitle;
  const text =
    outcome === 'approved'
      ? t.approved
      : outcome === 'denied'
        ? t.denied
        : outcome === 'expired'
          ? t.expired
          : t.failed;
  const body = html`<h1>${title}</h1>
    <p class="lead" role="status">${text}</p>
    <p><a href="${frame.basePath}/api/device">${t.codeTitle}</a></p>`;
  return layout(
    { lang: t.lang, title, serviceName: frame.serviceName, basePath: frame.basePath },
    body,
  );
}
