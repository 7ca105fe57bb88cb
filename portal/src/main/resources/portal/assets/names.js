// Names for the ids other services hand out (organizations, party organizations), looked up once per page view where
// the user's role may read them. An id is never shown: "…" while it loads, "—" where it cannot be read.
import { reactive } from 'vue';
import { get } from './api.js';
import { hasRole } from './session.js';

const cache = reactive({});

function lookup(kind, id, path, readers) {
  if (!id) return '';
  const key = kind + ':' + id;
  if (cache[key] === undefined) {
    if (!hasRole(...readers)) return '—';
    cache[key] = '…';
    get(path + id).then(r => { cache[key] = (r && r.name) || '—'; }).catch(() => { cache[key] = '—'; });
  }
  return cache[key];
}

export const organizationName = id => lookup('org', id, '/api/registry/organizations/',
  ['district-admin', 'committee-admin', 'street-admin', 'auditor']);
export const partyOrganizationName = id => lookup('po', id, '/api/branches/',
  ['district-admin', 'committee-admin', 'street-admin', 'branch-secretary', 'auditor']);
