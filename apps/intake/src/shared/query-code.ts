import { createHash, randomInt } from 'node:crypto';

/** Letters and digits a resident cannot misread over the phone (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const QUERY_CODE_LENGTH = 6;
export const QUERY_CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${QUERY_CODE_LENGTH}}$`);

/** A fresh query code: 31^6 ≈ 890 million values, given once at registration. */
export function newQueryCode(): string {
  return Array.from({ length: QUERY_CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** Only the hash is stored; the code is normalised (upper case, no spaces) before hashing. */
export function hashQueryCode(caseNumber: string, code: string): string {
  return createHash('sha256').update(`${caseNumber}:${normaliseQueryCode(code)}`).digest('base64url');
}

export const normaliseQueryCode = (code: string) => code.replace(/\s/g, '').toUpperCase();
