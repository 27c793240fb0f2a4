import type { ExistingGrant } from '../client-card';
import { html, type SafeHtml } from './html';

const TEXT = {
  en: {
    mergeTitle: 'Already granted',
    mergeLead:
      'This application already holds these permissions; what you allow now is added to them.',
    replaceTitle: 'Granted until now',
    replaceLead: 'These permissions will be replaced by what you allow now.',
    claims: 'Information',
  },
  ja: {
    mergeTitle: '許可済みの内容',
    mergeLead:
      'このアプリケーションは既に次の権限を持っています。今回許可する内容はこれに追加されます。',
    replaceTitle: 'これまでの許可内容',
    replaceLead: 'これらの権限は、今回許可する内容に置き換えられます。',
    claims: '情報',
  },
} as const;

/**
 * The content of the grant a `merge` or `replace` request names (FAPI Grant Management §5.1), so
 * the user sees what the application already holds before adding to it or replacing it.
 */
export function existingGrantSection(grant: ExistingGrant | undefined, lang: string): SafeHtml {
  if (grant === undefined) return html``;
  const t = lang === 'ja' ? TEXT.ja : TEXT.en;
  const merging = grant.action === 'MERGE';
  return html`<section class="existing-grant" aria-labelledby="existing-grant-title">
    <h2 id="existing-grant-title">${merging ? t.mergeTitle : t.replaceTitle}</h2>
    <p class="muted">${merging ? t.mergeLead : t.replaceLead}</p>
    <ul class="scopes">
      ${grant.scopes.map((scope) => html`<li><span class="scope-name">${scope}</span></li>`)}
    </ul>
    ${
      grant.claims.length > 0
        ? html`<p class="muted">${t.claims}: ${grant.claims.join(', ')}</p>`
        : ''
    }
  </section>`;
}
