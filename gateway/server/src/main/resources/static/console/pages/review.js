// The review queue: suspects with their findings; accept or reject the ones ticked, with a reason.
import { api, query } from '../api.js';
import { t } from '../i18n.js';
import { el, show, field, table, load, failure } from '../dom.js';

export default { id: 'review', admin: true, render };

function render(page) {
  const period = el('input', { id: 'review-period', size: 10, placeholder: '2026-10' });
  const rule = el('input', { id: 'review-rule', size: 16 });
  const list = el('div', { id: 'suspects' });
  const outcome = el('div', { 'aria-live': 'polite', id: 'review-outcome' });
  let items = [];
  const refresh = (event) => {
    if (event) event.preventDefault();
    load(list, async () => {
      const page = await api('GET', `/api/v1/review/suspects${query({ period: period.value.trim(), rule: rule.value.trim(), size: 200 })}`);
      items = page.items;
      return el('div', {}, el('p', { class: 'muted' }, `${t('total')}: ${page.total}`), table([
        ['pick', (s) => el('input', { type: 'checkbox', 'data-key': `${s.kind}|${s.key}`, 'aria-label': s.key })],
        ['kind', (s) => s.kind], ['key', (s) => s.key], ['status', (s) => s.status], ['period', (s) => s.period],
        ['subject', (s) => s.subject],
        ['findings', (s) => s.findings.map((f) => `${f.rule}: ${f.reason}`).join('; ')],
        ['decision', (s) => (s.decision ? `${s.decision.decision} (${s.decision.reviewer})` : '')],
      ], items, { id: 'suspects-table' }));
    });
  };
  const reason = el('input', { id: 'review-reason', size: 40, required: true, maxlength: 500 });
  const decide = (decision) => async (event) => {
    event.preventDefault();
    const records = [...list.querySelectorAll('input[type=checkbox]:checked')]
      .map((box) => box.dataset.key.split('|')).map(([kind, key]) => ({ kind, key }));
    if (!records.length || !reason.value.trim()) {
      show(outcome, el('p', { class: 'error', role: 'alert', 'data-i18n': 'pickAndReason' }, t('pickAndReason')));
      return;
    }
    try {
      const reply = await api('POST', '/api/v1/review/decisions', { body: { decision, reason: reason.value.trim(), records } });
      show(outcome, el('p', { class: 'ok' }, `${t('decided')}: ${reply.decided.length}`),
        reply.rejected.length ? el('ul', { class: 'problems' }, reply.rejected.map((r) => el('li', {}, `${r.key}: ${r.reason}`))) : null);
      refresh();
    } catch (error) {
      show(outcome, failure(error));
    }
  };
  page.append(
    el('form', { class: 'card', onsubmit: refresh },
      el('div', { class: 'row' }, field('period', period), field('rule', rule),
        el('button', { type: 'submit', 'data-i18n': 'show' }, t('show')))),
    list,
    el('form', { class: 'card', onsubmit: decide('accept') },
      el('div', { class: 'row' }, field('reason', reason),
        el('button', { type: 'submit', 'data-i18n': 'accept' }, t('accept')),
        el('button', { type: 'button', class: 'danger', 'data-i18n': 'reject', onclick: decide('reject') }, t('reject')))),
    outcome);
  refresh();
}
