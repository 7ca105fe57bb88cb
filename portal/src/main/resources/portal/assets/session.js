import { reactive } from 'vue';

/** The logged-in user as the gateway describes them: username, name, roles, street, partyOrgId, district. */
export const session = reactive({ me: null, error: null });

export const hasRole = (...roles) => !!session.me && roles.some(r => session.me.roles.includes(r));
export const isAdmin = () => hasRole('district-admin', 'committee-admin');
export const mayWrite = () => hasRole('district-admin', 'committee-admin', 'street-admin');
/** A street admin sees and works in its own street only: filters offer that street alone, without "全部". */
export const streetScoped = () => hasRole('street-admin') && !hasRole('district-admin', 'committee-admin', 'auditor', 'finance')
  && !!(session.me && session.me.street);
const allStreets = () => Object.entries((session.me && session.me.district.streets) || {}).map(([value, text]) => ({ value, text }));
/** The streets the user may choose: all of the district's, or the street admin's own. */
export const streetOptions = () => streetScoped() ? allStreets().filter(o => o.value === session.me.street) : allStreets();
/** A street filter's first value: the street admin's street, else "" (全部). */
export const streetInitial = () => streetScoped() ? session.me.street : '';
export const streetName = code => ((session.me && session.me.district.streets) || {})[code] || code || '';
export const industryOptions = () => ((session.me && session.me.district.industries) || [])
  .map(value => ({ value, text: ((session.me.district.industryNames) || {})[value] || value }));
export const industryName = code => ((session.me && session.me.district.industryNames) || {})[code] || code || '';
