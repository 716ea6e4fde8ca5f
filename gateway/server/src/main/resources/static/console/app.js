// The console's frame: sign-in, the page list, and which page shows (the part of the URL after '#').
import { api, session, ApiError } from './api.js';
import { t, translate, toggleLanguage, language } from './i18n.js';
import { el, show } from './dom.js';
import connectors from './pages/connectors.js';
import mappings from './pages/mappings.js';
import registry from './pages/registry.js';
import records from './pages/records.js';
import periods from './pages/periods.js';
import charts from './pages/charts.js';
import review from './pages/review.js';
import deliveries from './pages/deliveries.js';

const PAGES = [connectors, mappings, registry, records, periods, charts, review, deliveries];

const $ = (id) => document.getElementById(id);

/** Which role a token has: the administrator's sees the connectors, the reader's only figures and awards. */
async function roleOf(token) {
  try {
    await api('GET', '/api/v1/connectors', { token });
    return 'admin';
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
  }
  await api('GET', '/api/v1/figures?period=2000', { token });
  return 'reader';
}

function visiblePages() {
  return PAGES.filter((page) => session.isAdmin() || !page.admin);
}

function route() {
  if (!session.token()) {
    $('nav').hidden = true;
    $('sign-out').hidden = true;
    $('who').textContent = '';
    $('sign-in').hidden = false;
    show($('page'));
    $('token').focus();
    return;
  }
  $('sign-in').hidden = true;
  $('sign-out').hidden = false;
  $('who').replaceChildren(el('span', { 'data-i18n': session.isAdmin() ? 'role.admin' : 'role.reader' },
    t(session.isAdmin() ? 'role.admin' : 'role.reader')));
  const pages = visiblePages();
  const wanted = location.hash.slice(1);
  const page = pages.find((p) => p.id === wanted) || pages[0];
  show($('nav'), pages.map((p) => el('a', {
    href: `#${p.id}`, id: `nav-${p.id}`, 'data-i18n': `nav.${p.id}`,
    'aria-current': p === page ? 'page' : undefined,
  }, t(`nav.${p.id}`))));
  $('nav').hidden = false;
  const container = el('section', { id: `page-${page.id}`, 'aria-labelledby': `title-${page.id}` },
    el('h1', { id: `title-${page.id}`, 'data-i18n': `nav.${page.id}` }, t(`nav.${page.id}`)));
  show($('page'), container);
  page.render(container, { admin: session.isAdmin() });
}

$('sign-in-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const token = $('token').value.trim();
  $('sign-in-error').textContent = '';
  try {
    session.start(token, await roleOf(token));
    $('token').value = '';
    route();
    $('main').focus();
  } catch (error) {
    const key = error instanceof ApiError && (error.status === 401 || error.status === 403) ? 'tokenRefused' : null;
    $('sign-in-error').textContent = key ? t(key) : error.message;
  }
});

$('sign-out').addEventListener('click', () => {
  session.end();
  location.hash = '';
  route();
});

$('language').addEventListener('click', () => {
  toggleLanguage();
  document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
  translate(document);
});

window.addEventListener('hashchange', route);
document.documentElement.lang = language() === 'zh' ? 'zh-CN' : 'en';
translate(document);
route();
