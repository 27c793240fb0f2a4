import { escapeHtml, html, safeUrl } from './html';

/** An alias, so Prettier leaves the markup under test alone. */
const h = html;

describe('html templates', () => {
  it('escapes every interpolated string, including quotes and backticks', () => {
    const value = `<script>"'&\``;
    expect(h`<p title="${value}">${value}</p>`.value).toBe(
      '<p title="&lt;script&gt;&quot;&#39;&amp;&#96;">&lt;script&gt;&quot;&#39;&amp;&#96;</p>',
    );
  });

  it('keeps nested fragments and joins arrays, dropping empty values', () => {
    const items = ['a<', 'b'].map((item) => h`<li>${item}</li>`);
    expect(h`<ul>${items}</ul>${undefined}${false}${null}`.value).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul>',
    );
  });

  it('accepts only absolute http(s) URLs', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('/relative')).toBeUndefined();
    expect(safeUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
  });

  it('escapeHtml leaves plain text alone', () => {
    expect(escapeHtml('plain text')).toBe('plain text');
  });
});
