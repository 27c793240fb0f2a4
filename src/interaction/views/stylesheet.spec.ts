import { OAUTH_CSS } from './stylesheet';

/** Relative luminance of an sRGB hex colour, `#rgb` or `#rrggbb` (WCAG 2.1 definition). */
function luminance(short: string): number {
  const hex = short.length === 4 ? short.replace(/[0-9a-f]/gi, (digit) => digit + digit) : short;
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high ?? 0) + 0.05) / ((low ?? 0) + 0.05);
}

/** The custom properties of the light scheme (`:root{…}`) and the dark one (the media query). */
function schemes(): Record<string, string>[] {
  return [...OAUTH_CSS.matchAll(/:root\{([^}]*)\}/g)].map((match) =>
    Object.fromEntries(
      [...(match[1] ?? '').matchAll(/--([a-z-]+):(#[0-9a-f]{6}|#[0-9a-f]{3})\b/gi)].map((pair) => [
        pair[1] ?? '',
        pair[2] ?? '',
      ]),
    ),
  );
}

describe('stylesheet contrast (WCAG 2.1 SC 1.4.11 non-text contrast)', () => {
  it('defines a light and a dark scheme', () => {
    expect(schemes()).toHaveLength(2);
  });

  it.each(schemes().map((scheme, index) => [index === 0 ? 'light' : 'dark', scheme] as const))(
    'input and button borders reach 3:1 against the card and the page in the %s scheme',
    (_name, scheme) => {
      for (const background of [scheme['card'], scheme['bg']]) {
        expect(contrast(scheme['field'] ?? '', background ?? '')).toBeGreaterThanOrEqual(3);
      }
    },
  );

  it('draws input and button borders with the contrasting colour', () => {
    expect(OAUTH_CSS).toMatch(
      /input\[type=text\],input\[type=password\]\{[^}]*border:1px solid var\(--field\)/,
    );
    expect(OAUTH_CSS).toMatch(/button,a\.button\{[^}]*border:1px solid var\(--field\)/);
  });
});
