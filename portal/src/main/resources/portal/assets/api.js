// Talks to the gateway with the browser's session cookie; the gateway relays the user's token to the services.
// No token is ever visible here. Writes carry the CSRF token from the XSRF-TOKEN cookie.

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem || {};
  }
  /** field name → message, from a validation problem's `errors`. */
  get fieldErrors() {
    const out = {};
    for (const e of this.problem.errors || []) {
      if (e && e.field) out[e.field] = out[e.field] ? out[e.field] + '；' + e.message : e.message;
    }
    return out;
  }
}

function csrfToken() {
  const m = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : null;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== undefined && v !== null && v !== '') q.append(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

async function failure(response) {
  let problem = null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try { problem = await response.json(); } catch (e) { problem = null; }
  }
  if (response.status === 401 && !location.hash.startsWith('#/logged-out')) {
    // the session ended (idle timeout, logout elsewhere): log in again and come back here
    sessionStorage.setItem('portal.returnTo', location.hash);
    location.assign('/oauth2/authorization/keycloak');
  }
  return new ApiError(response.status, problem);
}

export async function request(method, path, { params, body, headers, form } = {}) {
  const h = Object.assign({ 'Accept': 'application/json' }, headers || {});
  let payload;
  if (form) {
    payload = form;
  } else if (body !== undefined) {
    h['Content-Type'] = h['Content-Type'] || 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) h['X-XSRF-TOKEN'] = token;
  }
  const response = await fetch(path + query(params), { method, headers: h, body: payload, credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  const etag = response.headers.get('ETag');
  if (response.status === 204) return null;
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (data && typeof data === 'object' && etag) Object.defineProperty(data, '__etag', { value: etag, enumerable: false });
  return data;
}

export const get = (path, params) => request('GET', path, { params });
export const post = (path, body, opts) => request('POST', path, Object.assign({ body }, opts || {}));
export const put = (path, body, opts) => request('PUT', path, Object.assign({ body }, opts || {}));
export const patch = (path, body, opts) => request('PATCH', path, Object.assign({ body }, opts || {}));
export const del = (path) => request('DELETE', path, {});

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Downloads a report as CSV or XLSX through the session (the gateway adds the token), as a file. */
export async function download(path, params, accept, fileName) {
  const response = await fetch(path + query(params), { headers: { 'Accept': accept }, credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  const blob = await response.blob();
  saveBlob(blob, fileName);
  return blob.size;
}

/** Offers a blob to the browser as a file download. */
export function saveBlob(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
