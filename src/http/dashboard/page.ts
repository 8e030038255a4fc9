import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ProviderDefinition } from '../../core/registry.js';
import { SECRET_KEY } from '../providers.js';

/** What the page shows of one provider. */
export interface ProviderView {
  definition: ProviderDefinition;
  configured: boolean;
  connected: boolean;
  /** Capability groups of the configured provider (`dns`, `domains`...). */
  capabilities: readonly string[];
  /** Stored settings shown in their fields (never one whose name looks like a credential). */
  extra?: Readonly<Record<string, string>>;
}

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

function status(view: ProviderView): Html {
  const [label, kind] = !view.configured
    ? ['Not configured', 'none']
    : view.connected
      ? ['Connected', 'ok']
      : ['Not connected', 'off'];
  return html`<span class="badge ${kind}" data-testid="state">${label}</span>`;
}

function credentialsForm(view: ProviderView): Html {
  const name = view.definition.name;
  const fields = (view.definition.extraFields ?? []).map(
    (field) =>
      html`<label for="${name}-extra-${field.name}">${field.label}</label>
        <input
          id="${name}-extra-${field.name}"
          name="extra.${field.name}"
          type="text"
          autocomplete="off"
          spellcheck="false"
          placeholder="${field.placeholder ?? ''}"
          value="${SECRET_KEY.test(field.name) ? '' : (view.extra?.[field.name] ?? '')}"
        />`,
  );
  return html`<form
    class="credentials"
    data-provider="${name}"
    data-display-name="${view.definition.displayName}"
    novalidate
  >
    <label for="${name}-api-key">API token</label>
    <input id="${name}-api-key" name="api_key" type="password" autocomplete="off" spellcheck="false" required />
    ${fields}
    <div class="actions">
      <button type="button" data-action="test">Test Connection</button>
      <button type="submit" data-action="save">Save</button>
      ${view.configured ? html`<button type="button" data-action="remove" class="danger">Remove</button>` : ''}
    </div>
    <p class="message" role="status" aria-live="polite"></p>
  </form>`;
}

function dnsPanel(view: ProviderView): Html {
  const name = view.definition.name;
  const domains = view.capabilities.includes('domains') ? 'true' : 'false';
  // Every landmark needs a name of its own: the provider's name tells two DNS sections apart.
  return html`<section class="dns" data-provider="${name}" data-domains="${domains}" aria-labelledby="${name}-dns">
    <h3 id="${name}-dns">DNS records<span class="visually-hidden"> of ${view.definition.displayName}</span></h3>
    <form class="zone-picker">
      <label for="${name}-domain">Domain</label>
      <input id="${name}-domain" name="domain" list="${name}-domain-list" autocomplete="off" required />
      <datalist id="${name}-domain-list"></datalist>
      <button type="submit">Show records</button>
    </form>
    <table class="records" hidden>
      <caption></caption>
      <thead>
        <tr>
          <th scope="col">Type</th>
          <th scope="col">Name</th>
          <th scope="col">Content</th>
          <th scope="col">TTL</th>
          <th scope="col">Priority</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody></tbody>
    </table>
    <form class="add-record" hidden>
      <fieldset>
        <legend>Add a record</legend>
        <label for="${name}-type">Type</label>
        <select id="${name}-type" name="type">
          ${['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'].map((t) => html`<option>${t}</option>`)}
        </select>
        <label for="${name}-name">Name</label>
        <input id="${name}-name" name="name" required placeholder="www" />
        <label for="${name}-content">Content</label>
        <input id="${name}-content" name="content" required placeholder="203.0.113.10" />
        <label for="${name}-ttl">TTL (seconds)</label>
        <input id="${name}-ttl" name="ttl" type="number" min="60" value="14400" inputmode="numeric" />
        <div class="priority-field" hidden>
          <label for="${name}-priority">Priority</label>
          <input
            id="${name}-priority"
            name="priority"
            type="number"
            min="0"
            max="65535"
            value="10"
            inputmode="numeric"
          />
        </div>
        <button type="submit">Add record</button>
      </fieldset>
    </form>
    <p class="status" role="status" aria-live="polite"></p>
    <p class="error" role="alert"></p>
  </section>`;
}

function providerCard(view: ProviderView): Html {
  const name = view.definition.name;
  const showDns = view.configured && view.capabilities.includes('dns');
  return html`<section class="provider" id="provider-${name}" aria-labelledby="${name}-title">
    <h2 id="${name}-title">${view.definition.displayName} ${status(view)}</h2>
    ${credentialsForm(view)} ${showDns ? dnsPanel(view) : ''}
  </section>`;
}

/** The whole settings page; `base` is where the script, the style and the API live. */
export function settingsPage(views: readonly ProviderView[], base: { page: string; api: string }): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Hosting providers</title>
        <link rel="icon" href="${base.page}/icon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="${base.page}/app.css" />
        <script src="${base.page}/app.js" defer></script>
      </head>
      <body data-api="${base.api}">
        <main>
          <h1>Hosting providers</h1>
          ${views.length === 0 ? html`<p>No provider is registered.</p>` : views.map(providerCard)}
        </main>
      </body>
    </html>`;
}
