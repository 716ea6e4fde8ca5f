// Connectors: their state and counters, run / pause / resume / delete, add or replace from YAML
// (validated first, every problem shown at its field and line), and a connector's runs and files.
import { api, segment, ApiError } from '../api.js';
import { t } from '../i18n.js';
import { el, show, button, table, load, failure, when, readFile } from '../dom.js';

const EXAMPLE = `id: my-inbox
type: file
mapping: standard-csv
settings:
  quiet_period: 2s
`;

export default { id: 'connectors', admin: true, render };

function render(page) {
  const list = el('div', { id: 'connector-list' });
  const detail = el('div', { id: 'connector-detail' });
  const refresh = () => load(list, () => listing(refresh, detail));
  page.append(
    el('div', { class: 'row' }, button('refresh', refresh, { kind: 'secondary', id: 'connectors-refresh' })),
    list, detail, editor(refresh));
  refresh();
}

async function listing(refresh, detail) {
  const connectors = await api('GET', '/api/v1/connectors');
  const act = (id, verb) => async () => {
    try {
      if (verb === 'delete') {
        if (!window.confirm(t('confirmDelete', id))) return;
        await api('DELETE', `/api/v1/connectors/${segment(id)}`);
      } else {
        await api('POST', `/api/v1/connectors/${segment(id)}/${verb}`);
      }
      refresh();
    } catch (error) {
      show(detail, failure(error));
    }
  };
  return table([
    ['connector', (c) => c.id],
    ['type', (c) => `${c.type} (${c.kind ?? ''})`],
    ['state', (c) => el('span', { class: `state state-${c.state}` }, c.state)],
    ['recordsIn', (c) => c.recordsIn, { num: true }],
    ['accepted', (c) => c.accepted, { num: true }],
    ['duplicates', (c) => c.duplicates, { num: true }],
    ['rejected', (c) => c.rejected, { num: true }],
    ['lastError', (c) => (c.lastError ? el('span', { class: 'error' }, c.lastError) : '')],
    ['checkpoint', (c) => (c.checkpoint ? `${c.checkpoint} (${when(c.checkpointMovedAt)})` : '')],
    ['actions', (c) => el('div', { class: 'actions' },
      c.kind !== 'PUSH' ? button('run', act(c.id, 'run'), { kind: 'secondary' }) : null,
      c.state === 'PAUSED' ? button('resume', act(c.id, 'resume'), { kind: 'secondary' })
        : button('pause', act(c.id, 'pause'), { kind: 'secondary' }),
      button('history', () => history(detail, c), { kind: 'secondary', id: `history-${c.id}` }),
      button('delete', act(c.id, 'delete'), { kind: 'danger' }))],
  ], connectors, { id: 'connectors-table' });
}

function history(detail, connector) {
  const runs = el('div', { id: 'connector-runs' });
  const files = el('div', { id: 'connector-files' });
  show(detail, el('div', { class: 'card' },
    el('h2', {}, `${t('historyOf')} ${connector.id}`),
    el('h2', { 'data-i18n': 'runs' }, t('runs')), runs,
    connector.kind === 'FILE' ? [el('h2', { 'data-i18n': 'files' }, t('files')), files] : null));
  load(runs, async () => {
    const page = await api('GET', `/api/v1/connectors/${segment(connector.id)}/runs?size=20`);
    return table([
      ['started', (r) => when(r.started)],
      ['outcome', (r) => r.outcome],
      ['recordsIn', (r) => r.recordsIn, { num: true }],
      ['accepted', (r) => r.accepted, { num: true }],
      ['duplicates', (r) => r.duplicates, { num: true }],
      ['rejected', (r) => r.rejected, { num: true }],
      ['file', (r) => r.file],
      ['error', (r) => r.error],
    ], page.items);
  });
  if (connector.kind === 'FILE') {
    load(files, async () => {
      const page = await api('GET', `/api/v1/connectors/${segment(connector.id)}/files?size=20`);
      return table([
        ['file', (f) => f.name],
        ['received', (f) => when(f.received)],
        ['outcome', (f) => el('span', { class: f.outcome === 'failed' ? 'error' : undefined }, f.outcome)],
        ['rows', (f) => f.rows, { num: true }],
        ['accepted', (f) => f.accepted, { num: true }],
        ['rejected', (f) => f.rejected, { num: true }],
        ['report', (f) => (f.report && f.report.length
          ? el('ul', { class: 'problems' }, f.report.map((r) => el('li', {}, `${r.position}: ${r.reason}`)))
          : f.error ?? '')],
      ], page.items, { id: 'files-table' });
    });
  }
}

function editor(refresh) {
  const text = el('textarea', { id: 'connector-yaml', 'aria-label': t('definition'), spellcheck: 'false' }, EXAMPLE);
  const upload = el('input', { type: 'file', id: 'connector-file', accept: '.yml,.yaml,.json' });
  const outcome = el('div', { id: 'connector-outcome', 'aria-live': 'polite' });
  upload.addEventListener('change', async () => {
    const content = await readFile(upload);
    if (content !== null) text.value = content;
  });
  const check = async () => {
    const verdict = await api('POST', '/api/v1/connectors/validate', { body: text.value, type: 'application/yaml' });
    show(outcome, verdict.valid ? el('p', { class: 'ok', 'data-i18n': 'valid' }, t('valid')) : problems(verdict.problems, text.value));
    return verdict.valid;
  };
  const save = async (event) => {
    event.preventDefault();
    try {
      if (!(await check())) return;
      const view = await api('POST', '/api/v1/connectors', { body: text.value, type: 'application/yaml' });
      show(outcome, el('p', { class: 'ok' }, `${t('saved')}: ${view.id}`));
      refresh();
    } catch (error) {
      show(outcome, error instanceof ApiError && error.body && error.body.problems
        ? problems(error.body.problems, text.value) : failure(error));
    }
  };
  return el('form', { class: 'card', id: 'connector-form', onsubmit: save },
    el('h2', { 'data-i18n': 'addConnector' }, t('addConnector')),
    el('p', { class: 'muted', 'data-i18n': 'addConnectorHelp' }, t('addConnectorHelp')),
    text,
    el('div', { class: 'row' },
      upload,
      button('validate', () => check().catch((error) => show(outcome, failure(error))), { kind: 'secondary', id: 'connector-validate' }),
      el('button', { type: 'submit', id: 'connector-save', 'data-i18n': 'save' }, t('save'))),
    outcome);
}

/** Every problem, at its field and, where the YAML names that field, its line. */
function problems(list, yaml) {
  const lines = yaml.split('\n');
  return el('ul', { class: 'problems', id: 'connector-problems', role: 'alert' }, list.map((p) => {
    const line = lineOf(lines, p.field);
    return el('li', {}, line ? `${t('line', line)}, ${p.field}: ${p.message}` : `${p.field}: ${p.message}`);
  }));
}

function lineOf(lines, field) {
  if (!field) return null;
  const key = field.split('.').pop().replace(/\[\d+\]$/, '');
  const at = lines.findIndex((l) => new RegExp(`^\\s*${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`).test(l));
  return at >= 0 ? at + 1 : null;
}
