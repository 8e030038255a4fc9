/**
 * The settings page's style sheet: readable from a phone's width (320 px) up without sideways scrolling
 * (records become cards below 40rem), visible focus, enough contrast, destructive actions in red.
 */
export const DASHBOARD_STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f5f6f8; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.25rem; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin-top: 0; }
h3 { font-size: 1.1rem; }
.provider { position: relative; background: #fff; border: 1px solid #d0d4da; border-radius: .5rem; padding: 1rem; margin-bottom: 1rem; }
label { display: block; font-weight: 600; margin-top: .75rem; }
input, select { width: 100%; max-width: 30rem; padding: .5rem; font: inherit; border: 1px solid #767676; border-radius: .25rem; }
button { font: inherit; padding: .5rem 1rem; border-radius: .25rem; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
button.danger { background: #fff; color: #b91c1c; border-color: #b91c1c; }
button.danger:hover { background: #b91c1c; color: #fff; }
button:focus-visible, input:focus-visible, select:focus-visible, .status:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
.actions .danger { margin-left: auto; }
.badge { font-size: .8rem; font-weight: 600; padding: .1rem .5rem; border-radius: 1rem; background: #e5e7eb; }
.badge.ok { background: #dcfce7; color: #14532d; }
.badge.off { background: #fee2e2; color: #7f1d1d; }
.message[data-kind="ok"], .status { color: #14532d; }
.message[data-kind="error"], .error { color: #b91c1c; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
caption { text-align: left; font-weight: 600; }
th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #e5e7eb; }
td[data-label="Content"] span { overflow-wrap: anywhere; }
td[data-label="Content"] span.address { overflow-wrap: normal; word-break: normal; }
td button { white-space: nowrap; padding: .3rem .7rem; }
[hidden] { display: none !important; }
fieldset { border: 1px solid #d0d4da; border-radius: .25rem; min-width: 0; }
.zone-picker button, fieldset button { margin-top: .75rem; }
.visually-hidden { position: absolute; top: 0; left: 0; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
@media (max-width: 40rem) {
  main { padding: .5rem; }
  .provider { padding: .75rem; }
  table.records, table.records caption, table.records tbody, table.records tr, table.records td { display: block; }
  table.records thead { display: none; }
  table.records tr { border: 1px solid #d0d4da; border-radius: .25rem; padding: .5rem; margin-top: .5rem; }
  table.records td { display: grid; grid-template-columns: 5.5rem minmax(0, 1fr); gap: .5rem; border: 0; padding: .1rem 0; }
  table.records td::before { content: attr(data-label); font-weight: 600; }
  table.records td:empty { display: none; }
  table.records td.row-actions { display: block; padding-top: .4rem; }
  table.records td.row-actions::before { content: none; }
}
`;
