/**
 * The settings page's own script, served from the same origin (the page's CSP allows nothing else).
 * Every request is same-origin JSON, so the cookie-protected API accepts it. After a save or a removal
 * the provider's card is read again from the page's own URL, so it shows what is stored without a reload.
 */
export const DASHBOARD_SCRIPT = String.raw`'use strict';
(() => {
  const api = document.body.dataset.api;
  const call = async (method, path, body) => {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    const response = await fetch(api + path, init);
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || 'The server answered ' + response.status);
    return data;
  };
  const enc = encodeURIComponent;
  const say = (element, text, ok) => {
    element.textContent = text;
    element.dataset.kind = ok ? 'ok' : 'error';
  };
  const PRIORITY_TYPES = ['MX', 'SRV'];
  const ADDRESS_TYPES = ['A', 'AAAA'];

  // Exactly what the form shows: a cleared setting is left out, so the server removes it rather than
  // keeping a stored one (a new token must never go to an endpoint the form no longer names).
  const credentials = (form) => {
    const body = { api_key: form.elements.api_key.value.trim() };
    const fields = form.querySelectorAll('[name^="extra."]');
    if (fields.length > 0) body.extra = {};
    for (const input of fields) {
      if (input.value.trim() !== '') body.extra[input.name.slice(6)] = input.value.trim();
    }
    return body;
  };

  // Reads the page again and swaps in this provider's card: state, Remove button and DNS section as stored now.
  const refresh = async (card) => {
    const response = await fetch(location.pathname, { credentials: 'same-origin', headers: { Accept: 'text/html' } });
    if (!response.ok) throw new Error('The page could not be read again (' + response.status + '); reload it');
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').getElementById(card.id);
    if (!fresh) throw new Error('The page could not be read again; reload it');
    const adopted = document.importNode(fresh, true);
    card.replaceWith(adopted);
    bindCard(adopted);
    return adopted;
  };
  // After the card was read again: the message goes into its new form, and focus to the given button.
  const report = (card, text, ok, focus) => {
    say(card.querySelector('form.credentials .message'), text, ok);
    card.querySelector(focus)?.focus();
  };

  const bindCredentials = (card, form) => {
    const provider = enc(form.dataset.provider);
    const message = form.querySelector('.message');
    const needToken = () => {
      if (form.elements.api_key.value.trim() !== '') return false;
      say(message, 'Enter the API token first.', false);
      form.elements.api_key.focus();
      return true;
    };
    form.querySelector('[data-action="test"]').addEventListener('click', async () => {
      if (needToken()) return;
      say(message, 'Testing…', true);
      try {
        const answer = await call('POST', '/providers/' + provider + '/test', credentials(form));
        say(message, answer.message || 'Connection successful', true);
      } catch (error) {
        say(message, error.message, false);
      }
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (needToken()) return;
      say(message, 'Saving…', true);
      try {
        await call('POST', '/providers/' + provider + '/configure', credentials(form));
        form.elements.api_key.value = '';
      } catch (error) {
        say(message, error.message, false);
        return;
      }
      const [text, ok] = await call('POST', '/providers/' + provider + '/test').then(
        () => ['Saved. Connection successful.', true],
        (error) => ['Saved, but the connection test failed: ' + error.message, false],
      );
      try {
        report(await refresh(card), text, ok, '[data-action="save"]');
      } catch (error) {
        say(message, text + ' ' + error.message, ok);
      }
    });
    form.querySelector('[data-action="remove"]')?.addEventListener('click', async () => {
      const question = 'Remove the stored credentials of ' + form.dataset.displayName + '? The page can no longer reach its API until a token is saved again.';
      if (!confirm(question)) return;
      try {
        await call('DELETE', '/providers/' + provider);
        report(await refresh(card), 'Removed the stored credentials.', true, 'input[name="api_key"]');
      } catch (error) {
        say(message, error.message, false);
      }
    });
  };

  const bindDns = (card, panel) => {
    const provider = enc(panel.dataset.provider);
    const [picker, adder] = panel.querySelectorAll('form');
    const table = panel.querySelector('table');
    const status = panel.querySelector('.status');
    const alert = panel.querySelector('.error');
    const priorityField = adder.querySelector('.priority-field');
    let domain = '';
    const describe = (record) => record.type + ' ' + record.name + ' ' + record.content;
    // A cell holds its value in one element, which the phone layout puts next to the cell's label.
    const cell = (row, label, value) => {
      const td = row.insertCell();
      td.dataset.label = label;
      if (value === undefined) return td;
      const span = td.appendChild(document.createElement('span'));
      span.textContent = String(value);
      return span;
    };
    // An address breaks only between its groups, never inside one.
    const address = (span, content) => {
      span.textContent = '';
      span.className = 'address';
      content.split(/(?<=[.:])/).forEach((part, i) => {
        if (i > 0) span.append(document.createElement('wbr'));
        span.append(part);
      });
    };
    const show = async () => {
      const records = await call('GET', '/providers/' + provider + '/dns/' + enc(domain));
      table.tBodies[0].replaceChildren();
      table.caption.textContent = records.length + ' records of ' + domain;
      for (const record of records) {
        const row = table.tBodies[0].insertRow();
        cell(row, 'Type', record.type);
        cell(row, 'Name', record.name);
        const content = cell(row, 'Content', record.content);
        if (ADDRESS_TYPES.includes(record.type)) address(content, record.content);
        cell(row, 'TTL', record.ttl);
        cell(row, 'Priority', PRIORITY_TYPES.includes(record.type) ? record.priority : undefined);
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'danger';
        button.textContent = 'Delete';
        button.setAttribute('aria-label', 'Delete ' + describe(record));
        button.addEventListener('click', () => {
          if (!confirm('Delete the ' + record.type + ' record ' + record.name + ' (' + record.content + ') of ' + domain + '?')) return;
          act('Deleted ' + describe(record) + '.', async () => {
            const query = new URLSearchParams({ name: record.name, type: record.type, content: record.content });
            await call('DELETE', '/providers/' + provider + '/dns/' + enc(domain) + '?' + query);
          }).then((done) => done && status.focus());
        });
        const actions = cell(row, 'Actions');
        actions.className = 'row-actions';
        actions.append(button);
      }
      table.hidden = false;
      adder.hidden = false;
    };
    // Runs one change, lists the zone again and says what happened; the old save message no longer applies.
    const act = async (done, work) => {
      alert.textContent = '';
      status.textContent = '';
      card.querySelector('form.credentials .message').textContent = '';
      try {
        await work();
        await show();
        if (done) status.textContent = done;
        return true;
      } catch (error) {
        alert.textContent = error.message;
        return false;
      }
    };
    status.tabIndex = -1;
    const syncPriority = () => (priorityField.hidden = !PRIORITY_TYPES.includes(adder.elements.type.value));
    adder.elements.type.addEventListener('change', syncPriority);
    syncPriority();
    picker.addEventListener('submit', (event) => {
      event.preventDefault();
      domain = picker.elements.domain.value.trim();
      if (domain) act('', async () => {});
    });
    adder.addEventListener('submit', (event) => {
      event.preventDefault();
      const f = adder.elements;
      const record = { type: f.type.value, name: f.name.value.trim(), content: f.content.value.trim() };
      if (f.ttl.value !== '') record.ttl = Number(f.ttl.value);
      if (PRIORITY_TYPES.includes(record.type) && f.priority.value !== '') record.priority = Number(f.priority.value);
      act('Added ' + describe(record) + '.', async () => {
        await call('POST', '/providers/' + provider + '/dns/' + enc(domain), record);
        f.name.value = '';
        f.content.value = '';
      });
    });
    if (panel.dataset.domains === 'true') {
      call('GET', '/providers/' + provider + '/domains').then((list) => {
        const options = panel.querySelector('datalist');
        for (const d of list) options.append(new Option(d.name, d.name));
      }, () => {});
    }
  };

  const bindCard = (card) => {
    const form = card.querySelector('form.credentials');
    if (form) bindCredentials(card, form);
    const panel = card.querySelector('section.dns');
    if (panel) bindDns(card, panel);
  };

  for (const card of document.querySelectorAll('section.provider')) bindCard(card);
})();
`;
