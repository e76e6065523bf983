/**
 * The pure rules of attachments: what a file may be, what its name may say, how it is served.
 * No I/O here; the service and the controller apply them.
 */

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_CASE = 9;
export const MAX_FILE_NAME_LENGTH = 200;

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Bytes that must appear at an offset; `null` in a pattern matches any byte. */
interface Signature {
  type: AttachmentType;
  at: number;
  bytes: (number | null)[];
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const SIGNATURES: Signature[] = [
  { type: 'image/jpeg', at: 0, bytes: [0xff, 0xd8, 0xff] },
  { type: 'image/png', at: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  // RIFF, four bytes of chunk size, WEBP
  { type: 'image/webp', at: 0, bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { type: 'application/pdf', at: 0, bytes: ascii('%PDF-') },
];

/**
 * The type of a file read from its first bytes (its magic number), or `null` when it is none of
 * the allowed types. What the client declared (content type, extension) is never consulted.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  const match = SIGNATURES.find((s) => s.at + s.bytes.length <= bytes.length && s.bytes.every((b, i) => b === null || bytes[s.at + i] === b));
  return match?.type ?? null;
}

// C0 and C1 controls, DEL, and the invisible marks that can disguise an extension
// ("photo\u202Egnp.exe" displays as "photoexe.png").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g;

/**
 * A file name safe to store and to send back in a header: the last path segment only, without
 * control or direction-changing characters, trimmed, at most 200 characters (the extension is kept
 * when the stem is cut). An empty result becomes `fallback`.
 */
export function sanitiseFileName(raw: string, fallback = 'attachment'): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = base.replace(UNSAFE_CHARS, '').trim();
  if (!clean || /^\.+$/.test(clean)) return fallback;
  const chars = [...clean]; // code points, so a cut never splits a surrogate pair
  if (chars.length <= MAX_FILE_NAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const ext = dot > 0 ? [...clean.slice(dot)] : [];
  if (ext.length === 0 || ext.length > 16) return chars.slice(0, MAX_FILE_NAME_LENGTH).join('');
  const stem = [...clean.slice(0, dot)];
  return stem.slice(0, MAX_FILE_NAME_LENGTH - ext.length).join('') + ext.join('');
}

/** `inline` with the name in RFC 5987 form, so any Unicode name survives and nothing is injected. */
export function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `inline; filename*=UTF-8''${encoded}`;
}

export { isUuid as isAttachmentId } from '@fq/domain';
