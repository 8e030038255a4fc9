/**
 * The settings page's own script, served from the same origin (the page's CSP allows nothing else).
 * Every request is same-origin JSON, so the cookie-protected API accepts it.
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

  const credentials = (form) => {
    const body = { api_key: form.elements.api_key.value.trim() };
    for (const input of form.querySelectorAll('[name^="extra."]')) {
      if (input.value.trim() !== '') (body.extra ??= {})[input.name.slice(6)] = input.value.trim();
    }
    return body;
  };

  for (const form of document.querySelectorAll('form.credentials')) {
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
        await call('POST', '/providers/' + provider + '/test').then(
          () => say(message, 'Saved. Connection successful.', true),
          (error) => say(message, 'Saved, but the connection test failed: ' + error.message, false),
        );
      } catch (error) {
        say(message, error.message, false);
      }
    });
    const remove = form.querySelector('[data-action="remove"]');
    remove?.addEventListener('click', async () => {
      try {
        await call('DELETE', '/providers/' + provider);
        location.reload();
      } catch (error) {
        say(message, error.message, false);
      }
    });
  }

  for (const panel of document.querySelectorAll('section.dns')) {
    const provider = enc(panel.dataset.provider);
    const [picker, adder] = panel.querySelectorAll('form');
    const table = panel.querySelector('table');
    const alert = panel.querySelector('.error');
    let domain = '';
    const cell = (row, text) => (row.insertCell().textContent = String(text));
    const show = async () => {
      const records = await call('GET', '/providers/' + provider + '/dns/' + enc(domain));
      table.tBodies[0].replaceChildren();
      table.caption.textContent = records.length + ' records of ' + domain;
      for (const record of records) {
        const row = table.tBodies[0].insertRow();
        [record.type, record.name, record.content, record.ttl].forEach((value) => cell(row, value));
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Delete';
        button.setAttribute('aria-label', 'Delete ' + record.type + ' ' + record.name + ' ' + record.content);
        button.addEventListener('click', () => act(async () => {
          const query = new URLSearchParams({ name: record.name, type: record.type, content: record.content });
          await call('DELETE', '/providers/' + provider + '/dns/' + enc(domain) + '?' + query);
        }));
        row.insertCell().append(button);
      }
      table.hidden = false;
      adder.hidden = false;
    };
    const act = async (work) => {
      alert.textContent = '';
      try {
        await work();
        await show();
      } catch (error) {
        alert.textContent = error.message;
      }
    };
    picker.addEventListener('submit', (event) => {
      event.preventDefault();
      domain = picker.elements.domain.value.trim();
      if (domain) act(async () => {});
    });
    adder.addEventListener('submit', (event) => {
      event.preventDefault();
      const f = adder.elements;
      const record = { type: f.type.value, name: f.name.value.trim(), content: f.content.value.trim() };
      if (f.ttl.value !== '') record.ttl = Number(f.ttl.value);
      act(async () => {
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
  }
})();
`;
