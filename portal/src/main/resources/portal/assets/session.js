import { reactive } from 'vue';

/** The logged-in user as the gateway describes them: username, name, roles, street, partyOrgId, district. */
export const session = reactive({ me: null, error: null });

export const hasRole = (...roles) => !!session.me && roles.some(r => session.me.roles.includes(r));
export const isAdmin = () => hasRole('district-admin', 'committee-admin');
export const mayWrite = () => hasRole('district-admin', 'committee-admin', 'street-admin');
export const streetOptions = () => Object.entries((session.me && session.me.district.streets) || {}).map(([value, text]) => ({ value, text }));
export const streetName = code => ((session.me && session.me.district.streets) || {})[code] || code || '';
export const industryOptions = () => ((session.me && session.me.district.industries) || [])
  .map(value => ({ value, text: ((session.me.district.industryNames) || {})[value] || value }));
export const industryName = code => ((session.me && session.me.district.industryNames) || {})[code] || code || '';
