// Client-side checks that mirror the services' own (registry-service CreditCode, member-service's ID number check).
// They only spare a round trip: the server checks again and its answer is what counts.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const CATEGORY = { SOCIAL_GROUP: '1', PRIVATE_NON_ENTERPRISE: '2', FOUNDATION: '3' };

/** The 18th character for the first 17 (GB 32100-2015, modulus 31). */
export function creditCodeCheckCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
  const check = 31 - sum % 31;
  return ALPHABET.charAt(check === 31 ? 0 : check);
}

function organizationCodeCheckCharacter(first8) {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = first8.charAt(i);
    const value = /[0-9]/.test(c) ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65 + 10;
    sum += value * ORG_WEIGHTS[i];
  }
  const check = 11 - sum % 11;
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/** Why the code is not a valid social organization credit code of that type (message key + args), or null. */
export function creditCodeProblem(code, type) {
  if (!code || code.length !== 18) return ['check.creditCode.length'];
  for (let i = 0; i < 18; i++) {
    if (ALPHABET.indexOf(code.charAt(i)) < 0) return ['check.creditCode.char', i + 1, code.charAt(i)];
  }
  const expected = creditCodeCheckCharacter(code.substring(0, 17));
  if (code.charAt(17) !== expected) return ['check.creditCode.check', expected];
  if (!/^[0-9]{6}$/.test(code.substring(2, 8))) return ['check.creditCode.division'];
  if (code.charAt(16) !== organizationCodeCheckCharacter(code.substring(8, 16))) return ['check.creditCode.orgCode'];
  if (code.charAt(0) !== '5') return ['check.creditCode.civilAffairs'];
  if (type && CATEGORY[type] && code.charAt(1) !== CATEGORY[type]) return ['check.creditCode.category', CATEGORY[type]];
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-digit resident ID number with its check character (GB 11643). */
export function idNumberProblem(id) {
  if (!id || !/^[0-9]{17}[0-9X]$/.test(id)) return ['check.idNumber.format'];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  if (id.charAt(17) !== ID_CHECK.charAt(sum % 11)) return ['check.idNumber.check', ID_CHECK.charAt(sum % 11)];
  return null;
}
