/** A square logo: a rounded tile of one colour with a white glyph path on it. */
function tile(colour: string, glyph: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><rect width="96" height="96" rx="20" fill="${colour}"/><path d="${glyph}" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/></svg>`;
}

/**
 * The demo clients' logos (config/engine.json `logoUri: "/assets/logos/<name>.svg"`), served by
 * the service itself so the pages' CSP (`img-src 'self' https: data:`) allows them in every
 * environment, including plain-http development.
 */
export const DEMO_LOGOS: Readonly<Record<string, string>> = {
  // A "W" for the server-side web app.
  'demo-web.svg': tile('#1f5fd6', 'M22 30 L34 68 L48 42 L62 68 L74 30'),
  // Two brackets for the single-page app.
  'demo-spa.svg': tile('#13795b', 'M38 26 L22 48 L38 70 M58 26 L74 48 L58 70'),
  // A key for the private_key_jwt client.
  'demo-jwt.svg': tile(
    '#7a3fb8',
    'M30 48 m-10 0 a10 10 0 1 0 20 0 a10 10 0 1 0 -20 0 M40 48 H76 M64 48 V60 M74 48 V58',
  ),
};
