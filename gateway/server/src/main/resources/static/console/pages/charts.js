// Charts (Apache ECharts, served from the gateway's own WebJar): a year's parcels and sales by month,
// parcels by express company, sales by town, and suspects by rule.
import { api, query } from '../api.js';
import { t } from '../i18n.js';
import { el, show, field, failure } from '../dom.js';

export default { id: 'charts', admin: false, render };

// loaded when a chart is drawn, so the rest of the console never waits for the library (about 1 MB)
const ECHARTS = '/webjars/echarts/dist/echarts.esm.min.js';
const PARCELS = 'PARCELS_OUTBOUND';
const SALES = 'SALES_NET';

function render(page, { admin }) {
  const year = el('input', { id: 'chart-year', required: true, size: 6, pattern: '\\d{4}', value: String(new Date().getFullYear()) });
  const status = el('div', { 'aria-live': 'polite' });
  const boxes = {
    months: el('div', { class: 'chart', id: 'chart-months', role: 'img', 'aria-label': t('chart.months') }),
    carriers: el('div', { class: 'chart', id: 'chart-carriers', role: 'img', 'aria-label': t('chart.carriers') }),
    towns: el('div', { class: 'chart', id: 'chart-towns', role: 'img', 'aria-label': t('chart.towns') }),
    rules: admin ? el('div', { class: 'chart', id: 'chart-rules', role: 'img', 'aria-label': t('chart.rules') }) : null,
  };
  const draw = async (event) => {
    if (event) event.preventDefault();
    show(status, el('span', { class: 'spinner', 'aria-label': t('loading') }));
    try {
      await drawYear(year.value.trim(), boxes);
      show(status);
    } catch (error) {
      show(status, failure(error));
    }
  };
  page.append(
    el('form', { class: 'card', onsubmit: draw },
      el('div', { class: 'row' }, field('year', year), el('button', { type: 'submit', id: 'chart-draw', 'data-i18n': 'show' }, t('show'))),
      status),
    el('div', { class: 'charts' }, Object.values(boxes).filter(Boolean)));
  draw();
}

async function drawYear(year, boxes) {
  const echarts = await import(ECHARTS);
  const chart = (box, option) => (echarts.getInstanceByDom(box) || echarts.init(box)).setOption(option, true);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const monthly = await Promise.all(months.map((m) => api('GET', `/api/v1/figures${query({ period: m })}`)));
  const total = (figures, metric, type) => figures
    .filter((f) => f.metric === metric && (!type || (f.subject && f.subject.type === type)))
    .reduce((sum, f) => sum + Number(f.value), 0);
  chart(boxes.months, {
    title: { text: t('chart.months'), textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    legend: { data: [t('parcels'), t('sales')], top: 22 },
    grid: { top: 56, left: 56, right: 56, bottom: 28 },
    xAxis: { type: 'category', data: months.map((m) => m.slice(5)) },
    yAxis: [{ type: 'value', name: t('parcels') }, { type: 'value', name: 'CNY' }],
    series: [
      { name: t('parcels'), type: 'bar', data: monthly.map((f) => total(f, PARCELS, 'EXPRESS_COMPANY')) },
      { name: t('sales'), type: 'line', yAxisIndex: 1, data: monthly.map((f) => total(f, SALES, 'MERCHANT')) },
    ],
  });
  const bySubject = (metric, type) => {
    const sums = new Map();
    monthly.flat().filter((f) => f.metric === metric && f.subject && f.subject.type === type).forEach((f) => {
      const name = f.subject.name || f.subject.id;
      sums.set(name, (sums.get(name) || 0) + Number(f.value));
    });
    return [...sums.entries()].sort((a, b) => b[1] - a[1]);
  };
  chart(boxes.carriers, bars(t('chart.carriers'), bySubject(PARCELS, 'EXPRESS_COMPANY')));
  chart(boxes.towns, bars(t('chart.towns'), bySubject(SALES, 'TOWN')));
  if (boxes.rules) {
    const rules = await api('GET', `/api/v1/review/rules${query({ period: year })}`);
    chart(boxes.rules, {
      title: { text: t('chart.rules'), textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis' },
      legend: { data: [t('flagged'), t('inQueue')], top: 22 },
      grid: { top: 56, left: 56, right: 16, bottom: 28 },
      xAxis: { type: 'category', data: rules.rules.map((r) => r.rule) },
      yAxis: { type: 'value' },
      series: [
        { name: t('flagged'), type: 'bar', data: rules.rules.map((r) => r.flagged) },
        { name: t('inQueue'), type: 'bar', data: rules.rules.map((r) => r.inQueue) },
      ],
    });
  }
}

function bars(title, entries) {
  return {
    title: { text: title, textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' },
    grid: { top: 40, left: 120, right: 16, bottom: 28 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: entries.map(([name]) => name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [{ type: 'bar', data: entries.map(([, value]) => value) }],
  };
}
