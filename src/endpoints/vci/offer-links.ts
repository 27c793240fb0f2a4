import type { CredentialOfferInfo } from '../../authlete/types';
import { DirectResponse } from '../../http/direct-response';
import { CONTENT_TYPE } from '../../http/response-headers';

/** Where a wallet fetches an offer by reference (OID4VCI 1.0 §4.1.3 `credential_offer_uri`). */
export function offerUri(info: CredentialOfferInfo): string {
  return `${info.credentialIssuer}/api/vci/offer/${encodeURIComponent(info.identifier)}`;
}

/** The link a wallet opens (OID4VCI 1.0 §4.1: the `openid-credential-offer://` scheme). */
export function offerLink(info: CredentialOfferInfo): string {
  return `openid-credential-offer://?credential_offer_uri=${encodeURIComponent(offerUri(info))}`;
}

/** The administration endpoint's answer: the offer, its URI, link and page, and the `tx_code`. */
export function createdOfferContent(info: CredentialOfferInfo): string {
  const uri = offerUri(info);
  return JSON.stringify({
    offer_id: info.identifier,
    credential_offer: JSON.parse(info.credentialOffer) as unknown,
    credential_offer_uri: uri,
    credential_offer_link: offerLink(info),
    offer_page: `${uri}/page`,
    ...(info.txCode === undefined ? {} : { tx_code: info.txCode }),
    expires_at: info.expiresAt,
  });
}

/**
 * The page a user opens to hand an offer to a wallet (OID4VCI 1.0 §4.1): the
 * `openid-credential-offer://` link (only percent-encoded text is embedded, so nothing needs
 * HTML escaping). The transaction code, if any, travels separately.
 */
export function offerPage(info: CredentialOfferInfo): DirectResponse {
  const link = offerLink(info);
  const body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Credential offer</title></head>
<body>
<main>
<h1>Credential offer</h1>
<p>Open this offer with your wallet:</p>
<p><a id="offer-link" href="${link}">Add the credential to my wallet</a></p>
<p>Or copy the link: <code>${link}</code></p>
</main>
</body>
</html>
`;
  return new DirectResponse(
    200,
    { 'content-type': CONTENT_TYPE.html, 'cache-control': 'no-store' },
    body,
  );
}
