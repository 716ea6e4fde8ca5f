// Deliveries to the award system: pushing state, backlog, failed batches with the award system's reply, retry.
import { api, segment, query } from '../api.js';
import { t } from '../i18n.js';
import { el, show, button, field, table, load, failure, when } from '../dom.js';

export default { id: 'deliveries', admin: true, render };

function render(page) {
  const state = el('div', { id: 'delivery-state' });
  const status = el('select', { id: 'delivery-status' },
    ['FAILED', 'PENDING', 'DELIVERED', ''].map((s) => el('option', { value: s }, s || t('all'))));
  const list = el('div', { id: 'delivery-list' });
  const outcome = el('div', { 'aria-live': 'polite', id: 'delivery-outcome' });
  const refresh = (event) => {
    if (event) event.preventDefault();
    load(state, async () => {
      const [pushing, pending] = await Promise.all([
        api('GET', '/api/v1/deliveries/state'),
        api('GET', '/api/v1/deliveries?status=PENDING&limit=10000')]);
      const oldest = pending.reduce((o, d) => (!o || d.createdAt < o ? d.createdAt : o), null);
      return el('dl', { class: 'facts' },
        el('dt', { 'data-i18n': 'pushing' }, t('pushing')),
        el('dd', { id: 'pushing-state', class: pushing.pushing === 'ACTIVE' ? 'ok' : 'error' },
          [pushing.pushing, pushing.reason, pushing.heldUntil && when(pushing.heldUntil)].filter(Boolean).join(' · ')),
        el('dt', { 'data-i18n': 'backlog' }, t('backlog')),
        el('dd', { id: 'backlog' }, oldest ? `${pending.length} (${t('oldest')} ${when(oldest)})` : String(pending.length)));
    });
    load(list, async () => table([
      ['id', (d) => d.id],
      ['kind', (d) => d.kind],
      ['period', (d) => d.period],
      ['items', (d) => d.items, { num: true }],
      ['status', (d) => el('span', { class: `state status-${d.status}` }, d.status)],
      ['attempts', (d) => d.attempts, { num: true }],
      ['reply', (d) => (d.lastStatus ? `${d.lastStatus} ${d.lastResponse ?? ''}` : '')],
      ['updatedAt', (d) => when(d.updatedAt)],
      ['actions', (d) => (d.status !== 'DELIVERED'
        ? button('retry', () => retry(d.id), { kind: 'secondary', id: `retry-${d.id}` }) : '')],
    ], await api('GET', `/api/v1/deliveries${query({ status: status.value, limit: 200 })}`), { id: 'deliveries-table' }));
  };
  const retry = async (id) => {
    try {
      await api('POST', `/api/v1/deliveries/${segment(id)}/retry`);
      show(outcome, el('p', { class: 'ok' }, `${t('retried')}: ${id}`));
      refresh();
    } catch (error) {
      show(outcome, failure(error));
    }
  };
  page.append(
    el('div', { class: 'card' }, state),
    el('form', { class: 'row', onsubmit: refresh }, field('status', status),
      el('button', { type: 'submit', id: 'deliveries-show', 'data-i18n': 'show' }, t('show'))),
    outcome, list);
  refresh();
}
