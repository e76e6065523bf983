import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** A value as intake sealed it before keys had names (`v1.<iv>.<tag>.<body>`): what a database from before ADR 0013 holds. */
export function sealV1(master: Buffer, plain: string): string {
  const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), 'fengqiao pii seal', 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', ...[iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url'))].join('.');
}
