// The console's only way to the gateway: the public /api with the person's token as a bearer token.
// The token lives in sessionStorage (gone with the tab), never in a URL or a cookie.

const TOKEN = 'gateway.console.token';
const ROLE = 'gateway.console.role';

export const session = {
  token: () => sessionStorage.getItem(TOKEN),
  role: () => sessionStorage.getItem(ROLE),
  isAdmin: () => sessionStorage.getItem(ROLE) === 'admin',
  start(token, role) {
    sessionStorage.setItem(TOKEN, token);
    sessionStorage.setItem(ROLE, role);
  },
  end() {
    sessionStorage.removeItem(TOKEN);
    sessionStorage.removeItem(ROLE);
  },
};

/** An answer other than 2xx: the gateway's {"status", "error"} reason, and the whole body for richer replies. */
export class ApiError extends Error {
  constructor(status, reason, body) {
    super(reason);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API; resolves with the parsed JSON (or text) of a 2xx answer, rejects with an ApiError. */
export async function api(method, path, { body, type = 'application/json', token = session.token() } = {}) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = type;
  const payload = body === undefined || typeof body === 'string' || body instanceof Blob ? body : JSON.stringify(body);
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload, cache: 'no-store', credentials: 'omit' });
  } catch (e) {
    throw new ApiError(0, `the gateway cannot be reached (${e.message})`, null);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const reason = json && typeof json.error === 'string' ? json.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, reason, json);
  }
  return json ?? text;
}

/** A query string of the parameters that have a value. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A path segment written the one way the gateway accepts (docs/api.md "Authentication"). */
export const segment = (value) => encodeURIComponent(value);
