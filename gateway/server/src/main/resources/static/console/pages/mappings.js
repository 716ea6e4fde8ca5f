// Mappings: the list (with the problem of one that does not compile) and upload, refused at its line and column.
import { api, segment } from '../api.js';
import { t } from '../i18n.js';
import { el, show, field, table, load, failure, readFile } from '../dom.js';

export default { id: 'mappings', admin: true, render };

function render(page) {
  const list = el('div', { id: 'mapping-list' });
  const refresh = () => load(list, async () => table([
    ['name', (m) => m.name],
    ['source', (m) => m.source],
    ['origin', (m) => m.origin],
    ['problem', (m) => (m.problem ? el('span', { class: 'error' },
      `${t('line', m.problem.line)}, ${t('column', m.problem.column)}: ${m.problem.message}`) : '')],
  ], await api('GET', '/api/v1/mappings'), { id: 'mappings-table' }));
  page.append(list, upload(refresh));
  refresh();
}

function upload(refresh) {
  const name = el('input', { id: 'mapping-name', required: true, pattern: '[A-Za-z0-9_-]+' });
  const file = el('input', { type: 'file', id: 'mapping-file', accept: '.jslt,.txt' });
  const text = el('textarea', { id: 'mapping-text', 'aria-label': t('mappingText'), spellcheck: 'false' });
  const outcome = el('div', { 'aria-live': 'polite', id: 'mapping-outcome' });
  file.addEventListener('change', async () => {
    const content = await readFile(file);
    if (content !== null) text.value = content;
    if (!name.value && file.files[0]) name.value = file.files[0].name.replace(/\.[^.]*$/, '');
  });
  const submit = async (event) => {
    event.preventDefault();
    try {
      await api('PUT', `/api/v1/mappings/${segment(name.value)}`, { body: text.value, type: 'text/plain; charset=utf-8' });
      show(outcome, el('p', { class: 'ok' }, `${t('saved')}: ${name.value}`));
      refresh();
    } catch (error) {
      const body = error.body || {};
      show(outcome, body.line ? el('p', { class: 'error', role: 'alert' },
        `${t('line', body.line)}, ${t('column', body.column)}: ${body.message ?? error.message}`) : failure(error));
    }
  };
  return el('form', { class: 'card', onsubmit: submit },
    el('h2', { 'data-i18n': 'uploadMapping' }, t('uploadMapping')),
    el('div', { class: 'row' }, field('name', name), field('file', file)),
    text,
    el('div', { class: 'row' }, el('button', { type: 'submit', 'data-i18n': 'upload' }, t('upload'))),
    outcome);
}
