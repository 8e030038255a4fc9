/** The settings page's style sheet: readable from a phone's width up, visible focus, enough contrast. */
export const DASHBOARD_STYLE = `
*, *::before, *::after { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #f5f6f8; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; }
h2 { font-size: 1.25rem; display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; margin-top: 0; }
h3 { font-size: 1.1rem; }
.provider { background: #fff; border: 1px solid #d0d4da; border-radius: .5rem; padding: 1rem; margin-bottom: 1rem; }
label { display: block; font-weight: 600; margin-top: .75rem; }
input, select { width: 100%; max-width: 30rem; padding: .5rem; font: inherit; border: 1px solid #767676; border-radius: .25rem; }
button { font: inherit; padding: .5rem 1rem; border-radius: .25rem; border: 1px solid #1d4ed8; background: #1d4ed8; color: #fff; cursor: pointer; }
button.danger { background: #fff; color: #b91c1c; border-color: #b91c1c; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: 1rem; }
.badge { font-size: .8rem; font-weight: 600; padding: .1rem .5rem; border-radius: 1rem; background: #e5e7eb; }
.badge.ok { background: #dcfce7; color: #14532d; }
.badge.off { background: #fee2e2; color: #7f1d1d; }
.message[data-kind="ok"] { color: #14532d; }
.message[data-kind="error"], .error { color: #b91c1c; }
table { width: 100%; border-collapse: collapse; margin: 1rem 0; display: block; overflow-x: auto; }
caption { text-align: left; font-weight: 600; }
th, td { text-align: left; padding: .4rem; border-bottom: 1px solid #e5e7eb; }
td:nth-child(3) { overflow-wrap: anywhere; }
td button { white-space: nowrap; padding: .3rem .7rem; }
[hidden] { display: none !important; }
fieldset { border: 1px solid #d0d4da; border-radius: .25rem; }
.zone-picker button, fieldset button { margin-top: .75rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
