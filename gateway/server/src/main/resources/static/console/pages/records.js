// Records: a waybill or an order with its status, reasons, findings, versions and sources.
import { api, segment } from '../api.js';
import { t } from '../i18n.js';
import { el, field, table, load, when, pretty } from '../dom.js';

export default { id: 'records', admin: true, render };

function render(page) {
  const kind = el('select', { id: 'record-kind' },
    el('option', { value: 'shipment', 'data-i18n': 'shipment' }, t('shipment')),
    el('option', { value: 'order', 'data-i18n': 'order' }, t('order')));
  const key = el('input', { id: 'record-key', required: true, size: 30, placeholder: 'ZTO:7310…' });
  const found = el('div', { id: 'record' });
  const lookUp = (event) => {
    event.preventDefault();
    load(found, async () => record(await api('GET', `/api/v1/records/${kind.value}/${segment(key.value.trim())}`)));
  };
  page.append(el('form', { class: 'card', onsubmit: lookUp },
    el('div', { class: 'row' }, field('kind', kind), field('key', key),
      el('button', { type: 'submit', 'data-i18n': 'lookUp' }, t('lookUp'))),
    found));
}

function record(r) {
  return el('div', {},
    el('dl', { class: 'facts' },
      el('dt', { 'data-i18n': 'status' }, t('status')), el('dd', { class: `state status-${r.status}` }, r.status),
      el('dt', { 'data-i18n': 'reasons' }, t('reasons')), el('dd', {}, (r.reasons || []).join('; ')),
      el('dt', { 'data-i18n': 'version' }, t('version')), el('dd', {}, r.version),
      el('dt', { 'data-i18n': 'sources' }, t('sources')), el('dd', {}, (r.connectors || [r.connector]).join(', ')),
      el('dt', { 'data-i18n': 'duplicates' }, t('duplicates')), el('dd', {}, r.duplicates)),
    r.findings && r.findings.length ? [el('h2', { 'data-i18n': 'findings' }, t('findings')),
      table([['rule', (f) => f.rule], ['outcome', (f) => f.outcome], ['reason', (f) => f.reason]], r.findings)] : null,
    el('h2', { 'data-i18n': 'versions' }, t('versions')),
    table([
      ['version', (v) => v.version, { num: true }],
      ['updatedAt', (v) => when(v.updatedAt)],
      ['receivedAt', (v) => when(v.receivedAt)],
      ['connector', (v) => v.connector],
      ['record', (v) => pretty(v.record)],
    ], r.versions));
}
