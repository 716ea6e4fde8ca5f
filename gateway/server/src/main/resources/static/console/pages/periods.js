// Periods: close one (its progress shown while it runs), its figures, and its award lines with the
// explanation and the reading of the clause that produced each.
import { api, segment, query } from '../api.js';
import { t } from '../i18n.js';
import { el, show, field, button, table, load, failure, pretty } from '../dom.js';

export default { id: 'periods', admin: false, render };

const PROGRESS_POLL_MS = 500;

function render(page, { admin }) {
  const period = el('input', { id: 'period', required: true, size: 10, placeholder: '2026-10', pattern: '\\d{4}(-Q[1-4]|-\\d{2})?' });
  const closing = el('div', { id: 'close-outcome', 'aria-live': 'polite' });
  const figures = el('div', { id: 'figures' });
  const awards = el('div', { id: 'awards' });
  const explanation = el('div', { id: 'award-explanation', 'aria-live': 'polite' });
  const showPeriod = (event) => {
    if (event) event.preventDefault();
    load(figures, () => figureTable(period.value.trim()));
    load(awards, () => awardTable(period.value.trim(), explanation));
  };
  const close = () => closePeriod(period.value.trim(), closing).then(() => showPeriod());
  page.append(el('form', { class: 'card', onsubmit: showPeriod },
    el('div', { class: 'row' }, field('period', period),
      el('button', { type: 'submit', id: 'period-show', 'data-i18n': 'show' }, t('show')),
      admin ? button('closePeriod', close, { kind: 'secondary', id: 'period-close' }) : null),
    closing),
  el('h2', { 'data-i18n': 'awards' }, t('awards')), awards, explanation,
  el('h2', { 'data-i18n': 'figures' }, t('figures')), figures);
}

async function closePeriod(period, closing) {
  if (!period) return;
  const progress = el('span', { id: 'close-progress' }, el('span', { class: 'spinner', 'aria-label': t('closing') }), ' ', t('closing'));
  show(closing, progress);
  let running = true;
  const poll = async () => {
    while (running) {
      try {
        const p = await api('GET', `/api/v1/periods/${segment(period)}/progress`);
        if (running && p && p.total) {
          show(progress, el('progress', { max: p.total, value: p.done }), ` ${p.phase ?? ''} ${p.done}/${p.total}`);
        }
      } catch {
        // no progress to show (not started yet, or a gateway without it): the spinner stays
      }
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_POLL_MS));
    }
  };
  poll();
  try {
    const summary = await api('POST', `/api/v1/periods/${segment(period)}/close`);
    show(closing, el('div', { id: 'close-summary' },
      el('p', { class: 'ok' }, t('closed', period, summary.figures, summary.awardLines, summary.deliveriesQueued)),
      summary.notComputable && summary.notComputable.length
        ? el('ul', { class: 'problems' }, summary.notComputable.map((line) => el('li', {}, line))) : null));
  } catch (error) {
    show(closing, failure(error));
  } finally {
    running = false;
  }
}

async function figureTable(period) {
  const figures = await api('GET', `/api/v1/figures${query({ period })}`);
  return table([
    ['subject', (f) => (f.subject ? `${f.subject.name ?? ''} ${f.subject.id}` : '')],
    ['metric', (f) => f.metric],
    ['period', (f) => f.period],
    ['value', (f) => f.value, { num: true }],
    ['unit', (f) => f.unit],
    ['revision', (f) => f.revision, { num: true }],
  ], figures, { id: 'figures-table' });
}

async function awardTable(period, explanation) {
  const awards = await api('GET', `/api/v1/awards${query({ period })}`);
  show(explanation);
  return table([
    ['policy', (a) => `${a.policy} ${a.clause ?? ''}`],
    ['subject', (a) => (a.subject ? `${a.subject.name ?? ''} ${a.subject.id}` : '')],
    ['period', (a) => a.period],
    ['amount', (a) => `${a.amount} ${a.currency ?? ''}`, { num: true }],
    ['revision', (a) => a.revision, { num: true }],
    ['explanation', (a) => button('explain', () => explain(explanation, a), { kind: 'link' })],
  ], awards, { id: 'awards-table' });
}

function explain(container, award) {
  show(container, el('div', { class: 'card', id: 'explanation-card', tabindex: '-1' },
    el('h2', {}, `${award.policy} · ${award.subject ? award.subject.name ?? award.subject.id : ''} · ${award.amount}`),
    el('dl', { class: 'facts' },
      el('dt', { 'data-i18n': 'explanation' }, t('explanation')), el('dd', { id: 'explanation-text' }, award.explanation),
      el('dt', { 'data-i18n': 'reading' }, t('reading')), el('dd', {}, award.reading ?? '')),
    el('h2', { 'data-i18n': 'basis' }, t('basis')), pretty(award.basis)));
  container.firstChild.focus();
}
