// Names for the ids other services hand out (organizations, party organizations), looked up once per page view
// where the user's role may read them; otherwise the id stays.
import { reactive } from 'vue';
import { get } from './api.js';
import { hasRole } from './session.js';

const cache = reactive({});

function lookup(kind, id, path, readers) {
  const key = kind + ':' + id;
  if (!id) return '';
  if (cache[key] === undefined && hasRole(...readers)) {
    cache[key] = id;
    get(path + id).then(r => { cache[key] = (r && r.name) || id; }).catch(() => {});
  }
  return cache[key] || id;
}

export const organizationName = id => lookup('org', id, '/api/registry/organizations/',
  ['district-admin', 'committee-admin', 'street-admin', 'auditor']);
export const partyOrganizationName = id => lookup('po', id, '/api/branches/',
  ['district-admin', 'committee-admin', 'street-admin', 'branch-secretary', 'auditor']);
