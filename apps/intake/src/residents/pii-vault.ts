import { parseEnv } from '@fq/config';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

/** Local development key (npm start, tests). Production sets PII_KEY to its own 32 random bytes. */
const DEV_KEY = Buffer.from('fengqiao-local-development-pii-key!').subarray(0, 32).toString('base64');

const piiEnvSchema = z.object({
  PII_KEY: z
    .string()
    .default(DEV_KEY)
    .refine((k) => Buffer.from(k, 'base64').length === 32, 'must be 32 random bytes in base64 (openssl rand -base64 32)'),
});

/**
 * Phone and ID numbers at rest: AES-256-GCM with a random IV per value, plus a keyed hash
 * (HMAC-SHA256) so a resident can be found by phone without the clear number in any index.
 */
export class PiiVault {
  private readonly sealKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(masterKey: Buffer) {
    this.sealKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'fengqiao pii seal', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'fengqiao pii index', 32));
  }

  static fromEnv(source: NodeJS.ProcessEnv = process.env): PiiVault {
    return new PiiVault(Buffer.from(parseEnv(piiEnvSchema, source).PII_KEY, 'base64'));
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url parts. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }

  /** The same value always gives the same index; the index reveals nothing without the key. */
  index(kind: 'phone' | 'id', plain: string): string {
    return createHmac('sha256', this.indexKey).update(`${kind}:${plain}`).digest('base64url');
  }
}
