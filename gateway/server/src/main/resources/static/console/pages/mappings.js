// Mappings: the list (with the problem of one that does not compile) and upload, refused at its line and column;
// a mapping's shipped samples beside what it must give, and records tried against the mapping as it is now.
import { api, segment } from '../api.js';
import { t } from '../i18n.js';
import { el, show, button, field, table, load, failure, readFile, pretty } from '../dom.js';

export default { id: 'mappings', admin: true, render };

function render(page) {
  const list = el('div', { id: 'mapping-list' });
  const trial = el('div', { id: 'mapping-trial' });
  const refresh = () => load(list, async () => table([
    ['name', (m) => m.name],
    ['source', (m) => m.source],
    ['origin', (m) => m.origin],
    ['problem', (m) => (m.problem ? el('span', { class: 'error' },
      `${t('line', m.problem.line)}, ${t('column', m.problem.column)}: ${m.problem.message}`) : '')],
    ['actions', (m) => button('samples', () => samples(trial, m.name), { kind: 'secondary', id: `samples-${m.name}` })],
  ], await api('GET', '/api/v1/mappings'), { id: 'mappings-table' }));
  page.append(list, trial, upload(refresh));
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

// mappings: samples
/** The trial panel of one mapping: its shipped cases, the record to try (a case's input or one's own), the result. */
async function samples(container, name) {
  const input = el('textarea', { id: 'try-input', 'aria-label': t('sampleInput'), spellcheck: 'false' });
  const params = el('input', { id: 'try-params', placeholder: 'platform=TMALL&channel=B2C', size: 40 });
  const expected = el('div', { id: 'try-expected', 'aria-live': 'polite' });
  const result = el('div', { id: 'try-result', 'aria-live': 'polite' });
  const choose = (sample) => {
    input.value = sample.inputText;
    params.value = new URLSearchParams(sample.params).toString();
    show(expected, el('h3', {}, `${t('expectedOutput')}: ${sample.case}`), pretty(sample.expected));
    show(result);
    input.focus();
  };
  const run = async () => {
    try {
      const query = new URLSearchParams(params.value.trim()).toString();
      const answer = await api('POST', `/api/v1/mappings/${segment(name)}/try${query ? `?${query}` : ''}`,
        { body: input.value, type: 'application/json; charset=utf-8' });
      show(result, table([
        ['item', (r) => r.index + 1, { num: true }],
        ['verdict', (r) => el('span', { class: r.accepted ? 'ok' : 'error' }, t(r.accepted ? 'accepted' : 'rejected'))],
        ['reason', (r) => r.reason ?? ''],
        ['standardRecord', (r) => (r.standard ? pretty(r.standard) : '')],
      ], answer.records, { id: 'try-records' }));
    } catch (error) {
      show(result, failure(error));
    }
  };
  const heading = el('h2', { id: 'trial-title', tabindex: '-1' }, t('samplesOf', name));
  const cases = el('div', { id: 'sample-cases', class: 'actions' }, el('span', { class: 'spinner', 'aria-label': t('loading') }));
  show(container, el('section', { class: 'card', 'aria-labelledby': 'trial-title' },
    heading, el('p', { class: 'muted', 'data-i18n': 'tryHelp' }, t('tryHelp')), cases,
    el('div', { class: 'columns' },
      el('div', {}, field('sampleInput', input), el('div', { class: 'row' }, field('mappingParams', params),
        button('tryIt', run, { id: 'try-run' }))),
      expected),
    result));
  heading.focus();
  try {
    const list = await api('GET', `/api/v1/mappings/${segment(name)}/samples`);
    show(cases, list.length === 0 ? el('span', { class: 'muted', 'data-i18n': 'none' }, t('none'))
      : list.map((sample) => el('button', { type: 'button', class: 'secondary', id: `sample-${sample.case}`,
        onclick: () => choose(sample) }, sample.case)));
  } catch (error) {
    show(cases, failure(error));
  }
}
