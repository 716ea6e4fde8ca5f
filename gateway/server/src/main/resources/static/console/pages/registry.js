// Registry: search subjects (text, type, region) a page at a time, open one to see every attribute, look one
// up by id, and import subjects from a CSV, JSON or XLSX file with each refused row and its reason.
import { api, query, segment } from '../api.js';
import { t } from '../i18n.js';
import { el, show, field, table, load, failure, readFile, pretty } from '../dom.js';

export default { id: 'registry', admin: true, render };

const TYPES = 'EXPRESS_COMPANY MERCHANT STATION TOWN LOGISTICS_CENTRE'.split(' ');
const PAGE_SIZE = 20;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function render(page) {
  const found = el('div', { id: 'subject', 'aria-live': 'polite' });
  const open = async (id) => {
    await load(found, async () => subject(await api('GET', `/api/v1/registry/subjects/${segment(id)}`)));
    // the subject shows in the look-up card, below the results: bring it into view
    found.scrollIntoView({ block: 'nearest' });
  };
  page.append(search(open), lookUp(open, found), importer());
}

function search(open) {
  const text = el('input', { id: 'registry-q', size: 24, maxlength: 100 });
  const type = el('select', { id: 'registry-type' },
    el('option', { value: '', 'data-i18n': 'all' }, t('all')),
    TYPES.map((name) => el('option', { value: name, 'data-i18n': `subjectType.${name}` }, t(`subjectType.${name}`))));
  const region = el('input', { id: 'registry-region', size: 12, inputmode: 'numeric', placeholder: '522633' });
  const results = el('div', { id: 'registry-results', 'aria-live': 'polite' });
  const go = (number) => load(results, async () => {
    const params = { q: text.value.trim(), type: type.value, region: region.value.trim(), page: number, size: PAGE_SIZE };
    return resultPage(await api('GET', `/api/v1/registry/subjects${query(params)}`), go, open);
  });
  const submit = (event) => {
    event.preventDefault();
    go(0);
  };
  return el('form', { class: 'card', onsubmit: submit },
    el('h2', { 'data-i18n': 'searchSubjects' }, t('searchSubjects')),
    el('div', { class: 'row' }, field('searchText', text), field('subjectType', type), field('regionCode', region),
      el('button', { type: 'submit', id: 'registry-search', 'data-i18n': 'search' }, t('search'))),
    results);
}

function resultPage(found, go, open) {
  const pages = Math.max(1, Math.ceil(found.total / found.size));
  const nav = (labelKey, number, id) => el('button', {
    type: 'button', id, 'data-i18n': labelKey, disabled: number < 0 || number >= pages, onclick: () => go(number),
  }, t(labelKey));
  return el('div', {},
    el('p', { class: 'muted', id: 'registry-total' }, `${t('total')}: ${found.total} · ${t('pageOf', found.page + 1, pages)}`),
    table([
      ['id', (s) => el('button', { type: 'button', class: 'link', onclick: () => open(s.id) }, s.id)],
      ['name', (s) => s.name],
      ['type', (s) => t(`subjectType.${s.type}`)],
      ['region', (s) => s.region],
    ], found.items, { id: 'registry-table' }),
    el('div', { class: 'row' }, nav('previous', found.page - 1, 'registry-previous'), nav('next', found.page + 1, 'registry-next')));
}

function lookUp(open, found) {
  const id = el('input', { id: 'subject-id', required: true, size: 24 });
  const submit = (event) => {
    event.preventDefault();
    open(id.value.trim());
  };
  return el('form', { class: 'card', onsubmit: submit },
    el('h2', { 'data-i18n': 'lookUpSubject' }, t('lookUpSubject')),
    el('div', { class: 'row' }, field('subjectId', id), el('button', { type: 'submit', 'data-i18n': 'lookUp' }, t('lookUp'))),
    found);
}

/** Every field of a subject: its facts, then each list and its attributes as a table of their own. */
function subject(s) {
  const facts = ['type', 'id', 'name', 'region', 'registeredOn', 'taxRegistered', 'sizeClass'];
  const known = new Set([...facts, 'categories', 'shops', 'sites', 'carriers', 'attributes']);
  const rest = Object.fromEntries(Object.entries(s).filter(([k]) => !known.has(k)));
  const section = (key, content) => [el('h3', { 'data-i18n': key }, t(key)), content];
  return el('div', { id: 'subject-detail' },
    el('dl', { class: 'facts' }, facts.filter((f) => s[f] !== undefined && s[f] !== null)
      .flatMap((f) => [el('dt', {}, f), el('dd', {}, f === 'type' ? `${s[f]} (${t(`subjectType.${s[f]}`)})` : String(s[f]))])),
    section('categories', el('p', {}, (s.categories || []).join(', ') || t('none'))),
    section('shops', table([['platform', (x) => x.platform], ['shopId', (x) => x.shopId]], s.shops, { id: 'subject-shops' })),
    section('sites', table([['carrier', (x) => x.carrier], ['siteCode', (x) => x.siteCode], ['region', (x) => x.region]],
      s.sites, { id: 'subject-sites' })),
    section('carriers', el('p', {}, (s.carriers || []).join(', ') || t('none'))),
    section('attributes', table([['attribute', ([k]) => k], ['value', ([, v]) => v]],
      Object.entries(s.attributes || {}), { id: 'subject-attributes' })),
    Object.keys(rest).length ? pretty(rest) : null);
}

/** The Content-Type of a picked file, by its name; a text file may still be edited before it is sent. */
function kindOf(file) {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xlsx')) return 'xlsx';
  if (name.endsWith('.json')) return 'json';
  return 'csv';
}

function importer() {
  const file = el('input', { type: 'file', id: 'registry-file', accept: '.csv,.json,.xlsx' });
  const text = el('textarea', { id: 'registry-text', 'aria-label': t('registryText'), spellcheck: 'false' });
  const outcome = el('div', { id: 'registry-outcome', 'aria-live': 'polite' });
  // what the picked file said, so that an unedited CSV goes as its bytes (GBK is detected by the gateway)
  let picked = null;
  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    picked = null;
    if (!chosen) return;
    if (kindOf(chosen) === 'xlsx') {
      text.value = '';
      text.placeholder = chosen.name;
      picked = { file: chosen, kind: 'xlsx', text: '' };
      return;
    }
    const content = await readFile(file);
    text.value = content ?? '';
    picked = { file: chosen, kind: kindOf(chosen), text: text.value };
  });
  const body = () => {
    if (picked && text.value === picked.text) {
      const types = { xlsx: XLSX, json: 'application/json', csv: 'text/csv' };
      return { body: picked.file, type: types[picked.kind] };
    }
    const json = text.value.trim().startsWith('[');
    return { body: text.value, type: json ? 'application/json' : 'text/csv; charset=utf-8' };
  };
  const submit = async (event) => {
    event.preventDefault();
    try {
      const reply = await api('PUT', '/api/v1/registry/subjects', body());
      show(outcome,
        el('p', { class: 'ok' }, `${t('upserted')}: ${reply.upserted} · ${t('rejected')}: ${reply.rejected.length}`),
        reply.rejected.length ? table([['row', (r) => r.index], ['reason', (r) => r.reason]], reply.rejected, { id: 'registry-rejected' }) : null,
        reply.warnings && reply.warnings.length
          ? table([['row', (w) => w.index], ['warning', (w) => w.warning]], reply.warnings, { id: 'registry-warnings' }) : null);
    } catch (error) {
      show(outcome, failure(error));
    }
  };
  return el('form', { class: 'card', onsubmit: submit },
    el('h2', { 'data-i18n': 'importSubjectsFile' }, t('importSubjectsFile')),
    el('p', { class: 'muted', 'data-i18n': 'importSubjectsFileHelp' }, t('importSubjectsFileHelp')),
    el('div', { class: 'row' }, field('file', file)),
    text,
    el('div', { class: 'row' }, el('button', { type: 'submit', 'data-i18n': 'import' }, t('import'))),
    outcome);
}
