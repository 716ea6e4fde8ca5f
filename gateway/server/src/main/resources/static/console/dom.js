// Small helpers to build the pages from data without ever parsing data as HTML.
import { t } from './i18n.js';

/** An element with attributes (on* as listeners) and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces a container's content. */
export function show(container, ...children) {
  container.replaceChildren();
  append(container, children);
  return container;
}

/** A button that runs an action; labelled through the dictionary. */
export function button(labelKey, action, { kind, id } = {}) {
  return el('button', { type: 'button', class: kind, id, 'data-i18n': labelKey, onclick: action }, t(labelKey));
}

/** A labelled field. */
export function field(labelKey, input) {
  return el('label', {}, el('span', { 'data-i18n': labelKey }, t(labelKey)), input);
}

/**
 * A table of rows; each column is [labelKey, value(row) → string | Node, { num }]. An empty list says so
 * instead of showing a bare header.
 */
export function table(columns, rows, { id } = {}) {
  if (!rows || rows.length === 0) return el('p', { class: 'muted', 'data-i18n': 'none' }, t('none'));
  const head = el('tr', {}, columns.map(([key]) => el('th', { scope: 'col', 'data-i18n': key }, t(key))));
  const body = rows.map((row) => el('tr', {}, columns.map(([, value, options = {}]) => {
    const cell = value(row);
    return el('td', { class: options.num ? 'num' : undefined }, cell === undefined || cell === null ? '' : cell);
  })));
  return el('div', { class: 'scroll' }, el('table', { id }, el('thead', {}, head), el('tbody', {}, body)));
}

/** What went wrong, as the gateway said it. */
export function failure(error) {
  const status = error && error.status ? `${error.status}: ` : '';
  return el('p', { class: 'error', role: 'alert' }, status + (error && error.message ? error.message : String(error)));
}

/** Runs an async load into a container, showing a spinner meanwhile and the reason when it fails. */
export async function load(container, work) {
  show(container, el('span', { class: 'spinner', 'aria-label': t('loading') }));
  try {
    const content = await work();
    show(container, content);
  } catch (error) {
    show(container, failure(error));
  }
}

/** A file the person picked, read as text (UTF-8). */
export function readFile(input) {
  const file = input.files && input.files[0];
  return file ? file.text() : Promise.resolve(null);
}

export const pretty = (value) => el('pre', {}, JSON.stringify(value, null, 2));
export const when = (instant) => (instant ? String(instant).replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '');
