/**
 * The dashboard's one stylesheet, served from /ui/style.css (the CSP allows no inline style).
 * System fonts, high contrast, a single column below 40rem so every page reads at phone width.
 */
export const STYLESHEET = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #0550ae; --bad: #a40e26;
  --ok: #1a7f37; --warn: #9a6700; --bg: #ffffff; --panel: #f6f8fa; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible {
  outline: 3px solid #fb8c00; outline-offset: 2px; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .5rem; z-index: 2; }
header { background: var(--panel); border-bottom: 1px solid var(--line); padding: .5rem 1rem; }
header nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin: 0; padding: 0; }
header nav a[aria-current="page"] { font-weight: 700; color: var(--ink); }
.brand { font-weight: 700; margin-right: 1rem; }
.bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem; }
main { padding: 1rem; max-width: 72rem; margin: 0 auto; }
h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: 6px; padding: .75rem; background: var(--panel); }
.cards strong { display: block; font-size: 1.6rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--panel); }
.bad { color: var(--bad); font-weight: 600; }
.ok { color: var(--ok); }
.warn { color: var(--warn); font-weight: 600; }
.muted { color: var(--muted); }
form.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .5rem; align-items: end;
  margin-bottom: 1rem; }
label { display: flex; flex-direction: column; font-size: .9rem; }
input, select, button { font: inherit; padding: .35rem .5rem; }
button { cursor: pointer; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
.inline { display: inline; }
ol.timeline { list-style: none; padding: 0; border-left: 3px solid var(--line); margin-left: .5rem; }
ol.timeline li { position: relative; padding: 0 0 1rem 1rem; }
ol.timeline li::before { content: ""; position: absolute; left: -.55rem; top: .45rem; width: .8rem; height: .8rem;
  border-radius: 50%; background: var(--accent); }
svg.chart { width: 100%; height: auto; max-width: 48rem; }
svg.chart rect { fill: var(--accent); }
svg.spark polyline { fill: none; stroke: var(--accent); stroke-width: 1.5; }
.signin { max-width: 24rem; margin: 3rem auto; }
@media (max-width: 40rem) {
  main { padding: .75rem; }
  table.stack thead { display: none; }
  table.stack tr { display: block; border-bottom: 2px solid var(--line); padding: .25rem 0; }
  table.stack td { display: block; border: 0; padding: .15rem .25rem; }
  table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; }
}
`;
