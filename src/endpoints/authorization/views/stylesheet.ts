/**
 * The one stylesheet of the authorization pages, served as `/assets/oauth.css` (a same-origin file,
 * so the pages' CSP needs no `'unsafe-inline'`). Mobile first; respects dark mode.
 */
export const OAUTH_CSS = `*,*::before,*::after{box-sizing:border-box}
:root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--text:#1d2330;--muted:#5b6475;--line:#d6dae1;--accent:#1f5fd6;--accent-text:#fff;--error-bg:#fdecec;--error:#a61b1b}
@media (prefers-color-scheme:dark){:root{--bg:#15181e;--card:#1f242c;--text:#e8ebf0;--muted:#a3abb9;--line:#39404c;--accent:#6d9cff;--accent-text:#0b0e13;--error-bg:#3a1f22;--error:#ffb4b4}}
html{font-size:100%}
body{margin:0;min-height:100vh;display:flex;align-items:flex-start;justify-content:center;padding:1rem;background:var(--bg);color:var(--text);font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Hiragino Sans","Noto Sans JP",sans-serif}
main{width:100%;max-width:26rem;margin-top:6vh;background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1.5rem}
h1{font-size:1.4rem;margin:0 0 .25rem}
p{margin:.5rem 0}
.lead{color:var(--muted);margin-bottom:1.25rem}
.client{display:flex;align-items:center;gap:.75rem;margin-bottom:1rem}
.client img{width:48px;height:48px;border-radius:8px;object-fit:contain;border:1px solid var(--line)}
.client strong{font-size:1.05rem;overflow-wrap:anywhere}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}
input[type=text],input[type=password]{width:100%;font:inherit;padding:.7rem .8rem;border:1px solid var(--line);border-radius:8px;background:var(--card);color:var(--text)}
input[readonly]{background:var(--bg);color:var(--muted)}
input:focus-visible,button:focus-visible,a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.actions{display:flex;flex-direction:column-reverse;gap:.6rem;margin-top:1.5rem}
@media (min-width:30rem){.actions{flex-direction:row;justify-content:flex-end}}
button{font:inherit;font-weight:600;min-height:2.75rem;padding:.6rem 1.2rem;border-radius:8px;border:1px solid var(--line);background:var(--card);color:var(--text);cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-text)}
.error{background:var(--error-bg);color:var(--error);border-radius:8px;padding:.6rem .8rem}
h2{font-size:1rem;margin:1.25rem 0 .4rem}
ul{margin:0;padding-left:1.2rem}
li{margin:.2rem 0;overflow-wrap:anywhere}
.scope-name{color:var(--muted);font-size:.85rem}
.links{font-size:.9rem;margin-top:1rem;display:flex;gap:1rem;flex-wrap:wrap}
a{color:var(--accent)}
.muted{color:var(--muted);font-size:.9rem}
code{overflow-wrap:anywhere}
`;
