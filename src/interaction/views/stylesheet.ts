/**
 * The one stylesheet of the authorization pages, served as `/assets/oauth.css` (a same-origin file,
 * so the pages' CSP needs no `'unsafe-inline'`). Mobile first; respects dark mode. `--field` is the
 * border of inputs and buttons: at least 3:1 against the card in both schemes (WCAG 2.1 SC 1.4.11).
 * Buttons come primary-first in the markup (Enter submits the first); `.actions` shows them
 * primary-last on wide screens and primary-on-top on phones.
 */
export const OAUTH_CSS = `*,*::before,*::after{box-sizing:border-box}
:root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--text:#1d2330;--muted:#5b6475;--line:#d6dae1;--field:#6b7385;--accent:#1f5fd6;--accent-text:#fff;--error-bg:#fdecec;--error:#a61b1b}
@media (prefers-color-scheme:dark){:root{--bg:#15181e;--card:#1f242c;--text:#e8ebf0;--muted:#a3abb9;--line:#39404c;--field:#8b95a7;--accent:#6d9cff;--accent-text:#0b0e13;--error-bg:#3a1f22;--error:#ffb4b4}}
html{font-size:100%}
body{margin:0;min-height:100vh;display:flex;align-items:flex-start;justify-content:center;padding:1rem;background:var(--bg);color:var(--text);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans","Noto Sans JP",sans-serif}
main{width:100%;max-width:26rem;margin-top:6vh;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.5rem}
h1{font-size:1.4rem;margin:0 0 .25rem}
p{margin:.5rem 0}
.lead{color:var(--muted);margin-bottom:1.25rem}
.client{display:flex;align-items:center;gap:.75rem;margin-bottom:1rem}
.service{margin:0 0 1rem;font-size:.85rem;font-weight:600;color:var(--muted)}
.logo{position:relative;flex:none;width:48px;height:48px;border-radius:8px;border:1px solid var(--line);background:var(--bg);overflow:hidden;display:flex;align-items:center;justify-content:center}
.logo .initial,.logo img::after{font-weight:700;font-size:1.3rem;color:var(--muted)}
.logo img{position:absolute;inset:0;width:100%;height:100%;object-fit:contain;background:var(--card)}
.logo img::after{content:attr(data-initial);position:absolute;inset:0;display:flex;align-items:center;justify-content:center;background:var(--bg)}
.client strong{font-size:1.05rem;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.7rem .8rem;border:1px solid var(--field);border-radius:8px;background:var(--card);color:var(--text)}
input[aria-invalid=true]{border-color:var(--error);border-width:2px}
input[readonly]{background:var(--bg);color:var(--muted)}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.actions{display:flex;flex-direction:column;gap:.6rem;margin-top:1.5rem}
@media (min-width:30rem){.actions{flex-direction:row-reverse;justify-content:flex-start}}
button,a.button{font:inherit;font-weight:600;min-height:2.75rem;padding:.6rem 1.2rem;border-radius:8px;border:1px solid var(--field);background:var(--card);color:var(--text);cursor:pointer;text-align:center;text-decoration:none}
button.primary,a.button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-text)}
.error{background:var(--error-bg);color:var(--error);border-radius:8px;padding:.6rem .8rem}
h2{font-size:1rem;margin:1.25rem 0 .4rem}
ul{margin:0;padding-left:1.2rem}
ul.claims{margin:.2rem 0 .4rem;font-size:.9rem;color:var(--muted)}
li{margin:.2rem 0;overflow-wrap:anywhere}
.scope-name{color:var(--muted);font-size:.85rem}
.links{font-size:.9rem;margin-top:1rem;display:flex;gap:1rem;flex-wrap:wrap}
a{color:var(--accent)}
.muted{color:var(--muted);font-size:.9rem}
code{overflow-wrap:anywhere}
`;
