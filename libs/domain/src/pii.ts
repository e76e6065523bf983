/**
 * Personal data in text: phone and ID numbers (居民身份证号). They are stored encrypted and leave
 * every API answer and log line masked.
 */

/** A mainland mobile (11 digits from 1) or a landline with area code, without +86 and hyphens. */
export function normalisePhone(raw: string): string {
  const digits = raw.replace(/[\s-]/g, '');
  return digits.replace(/^\+?86(?=1\d{10}$)/, '');
}

/** 13812345678 -> 138****5678; 06327711234 -> 063****1234. */
export const maskPhone = (phone: string) => (phone.length > 7 ? `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}` : '****');

/** 370404198801011234 -> 370404********1234 (the region stays readable, the birth date does not). */
export const maskIdNumber = (id: string) => (id.length === 18 ? `${id.slice(0, 6)}${'*'.repeat(8)}${id.slice(-4)}` : '*'.repeat(id.length));

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** An 18-character resident ID number with a valid GB 11643 check character. */
export function isIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

const MOBILE = /(?<![\dA-Za-z])(?:\+?86[- ]?)?(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?![\dA-Za-z])/g;
const ID = /(?<![\dA-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![\dA-Za-z])/g;
const LANDLINE = /(?<![\dA-Za-z])(0\d{2,3})-?\d{3,4}(\d{4})(?![\dA-Za-z])/g;

/** Masks every phone and ID number in free text (log lines, error messages). Case numbers (14 digits) are left alone. */
export function maskPii(text: string): string {
  return text
    .replace(ID, (_m, head: string, tail: string) => `${head}********${tail.slice(-4)}`)
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(LANDLINE, (_m, area: string, tail: string) => `${area}-****${tail}`);
}
