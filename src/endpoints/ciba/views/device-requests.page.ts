import { html, type SafeHtml } from '../../../interaction/views/html';
import { layout } from '../../../interaction/views/layout';
import type { PageFrame } from '../../../interaction/views/page-frame';
import type { CibaRequest } from '../authentication-device';
import type { CibaDeviceMessages } from './ciba-device-messages';

/** What the demo authentication device shows a signed-in user. */
export interface DeviceRequestsModel {
  readonly frame: PageFrame;
  /** The texts, in the page language. */
  readonly t: CibaDeviceMessages;
  readonly csrf: string;
  readonly username: string;
  readonly requests: readonly CibaRequest[];
  readonly notice?: string;
}

function requestCard(
  request: CibaRequest,
  t: CibaDeviceMessages,
  csrf: string,
  basePath: string,
): SafeHtml {
  const scopes = request.scopes.map((scope) => scope.name).join(' ');
  return html`<li class="ciba-request">
    <h2>${request.clientName}</h2>
    ${
      request.bindingMessage === undefined
        ? ''
        : html`<p class="binding-message">
            ${t.bindingMessage} <strong>${request.bindingMessage}</strong>
          </p>`
    }
    <p class="muted">${t.asksFor} ${scopes}</p>
    <form method="post" action="${basePath}/api/backchannel/device">
      <input type="hidden" name="csrf" value="${csrf}" />
      <input type="hidden" name="request" value="${request.authReqId}" />
      <div class="actions">
        <button type="submit" name="decision" value="approve" class="primary">${t.approve}</button>
        <button type="submit" name="decision" value="deny">${t.deny}</button>
      </div>
    </form>
  </li>`;
}

/**
 * The demo authentication device (CIBA Core §1): the signed-in user's pending requests with the
 * client's name and the `binding_message` (escaped), each with Approve (`decision=approve`) and
 * Deny (`decision=deny`).
 */
export function deviceRequestsPage(model: DeviceRequestsModel): SafeHtml {
  const { t } = model;
  const title = t.title;
  const body = html`<h1>${title}</h1>
    <p class="muted">${t.signedInAs(model.username)}</p>
    ${model.notice === undefined ? '' : html`<p role="status">${model.notice}</p>`}
    ${
      model.requests.length === 0
        ? html`<p class="lead">${t.nothingWaiting}</p>`
        : html`<ul class="ciba-requests">
            ${model.requests.map((request) =>
              requestCard(request, t, model.csrf, model.frame.basePath),
            )}
          </ul>`
    }
    <p><a href="${model.frame.basePath}/api/backchannel/device">${t.refresh}</a></p>`;
  return layout(
    { lang: t.lang, title, serviceName: model.frame.serviceName, basePath: model.frame.basePath },
    body,
  );
}
