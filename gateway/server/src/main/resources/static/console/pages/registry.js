// Registry: look a subject up, and import subjects from CSV with each refused row and its reason.
import { api, segment } from '../api.js';
import { t } from '../i18n.js';
import { el, show, field, table, load, failure, readFile, pretty } from '../dom.js';

export default { id: 'registry', admin: true, render };

function render(page) {
  const id = el('input', { id: 'subject-id', required: true, size: 24 });
  const found = el('div', { id: 'subject' });
  const lookUp = (event) => {
    event.preventDefault();
    load(found, async () => subject(await api('GET', `/api/v1/registry/subjects/${segment(id.value.trim())}`)));
  };
  page.append(
    el('form', { class: 'card', onsubmit: lookUp },
      el('h2', { 'data-i18n': 'lookUpSubject' }, t('lookUpSubject')),
      el('div', { class: 'row' }, field('subjectId', id), el('button', { type: 'submit', 'data-i18n': 'lookUp' }, t('lookUp'))),
      found),
    importer());
}

function subject(s) {
  const facts = ['type', 'id', 'name', 'region', 'registeredOn', 'taxRegistered', 'sizeClass'];
  return el('div', {},
    el('dl', { class: 'facts' }, facts.filter((f) => s[f] !== undefined && s[f] !== null)
      .flatMap((f) => [el('dt', {}, f), el('dd', {}, String(s[f]))])),
    pretty(Object.fromEntries(Object.entries(s).filter(([k]) => !facts.includes(k)))));
}

function importer() {
  const file = el('input', { type: 'file', id: 'registry-file', accept: '.csv,.json' });
  const text = el('textarea', { id: 'registry-text', 'aria-label': t('registryText'), spellcheck: 'false' });
  const outcome = el('div', { id: 'registry-outcome', 'aria-live': 'polite' });
  file.addEventListener('change', async () => {
    const content = await readFile(file);
    if (content !== null) text.value = content;
  });
  const submit = async (event) => {
    event.preventDefault();
    const json = text.value.trim().startsWith('[');
    try {
      const reply = await api('PUT', '/api/v1/registry/subjects',
        { body: text.value, type: json ? 'application/json' : 'text/csv; charset=utf-8' });
      show(outcome,
        el('p', { class: 'ok' }, `${t('upserted')}: ${reply.upserted}`),
        reply.rejected.length ? table([['row', (r) => r.index], ['reason', (r) => r.reason]], reply.rejected, { id: 'registry-rejected' }) : null,
        reply.warnings && reply.warnings.length ? table([['row', (w) => w.index], ['warning', (w) => w.warning]], reply.warnings) : null);
    } catch (error) {
      show(outcome, failure(error));
    }
  };
  return el('form', { class: 'card', onsubmit: submit },
    el('h2', { 'data-i18n': 'importSubjects' }, t('importSubjects')),
    el('p', { class: 'muted', 'data-i18n': 'importSubjectsHelp' }, t('importSubjectsHelp')),
    el('div', { class: 'row' }, field('file', file)),
    text,
    el('div', { class: 'row' }, el('button', { type: 'submit', 'data-i18n': 'import' }, t('import'))),
    outcome);
}
