import { parseEnv, piiEnvSchema } from '@fq/config';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** The master keys from the environment: the current one and those being rotated away from. */
export function piiKeysFromEnv(source?: NodeJS.ProcessEnv): { current: Buffer; previous: Buffer[] } {
  const env = parseEnv(piiEnvSchema, source);
  return { current: Buffer.from(env.PII_KEY, 'base64'), previous: env.PII_KEY_PREVIOUS.map((k) => Buffer.from(k, 'base64')) };
}

/** A value the vault cannot open (unknown key, wrong key, altered) or keys it cannot work with. Never holds the clear value. */
export class PiiKeyError extends Error {}

interface VaultKey {
  id: string;
  seal: Buffer;
  index: Buffer;
}

const derive = (master: Buffer, info: string, length = 32) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, length));

/** 8 hex characters naming a master key without revealing it: it is written into every value sealed with that key. */
export const piiKeyId = (master: Buffer) => derive(master, 'fengqiao pii key id', 4).toString('hex');

function vaultKey(master: Buffer): VaultKey {
  return { id: piiKeyId(master), seal: derive(master, 'fengqiao pii seal'), index: derive(master, 'fengqiao pii index') };
}

const B64 = '[A-Za-z0-9_-]';
/** The exact shape of a sealed value (12-byte IV, 16-byte tag), to find sealed strings inside JSON. */
export const SEALED_VALUE = new RegExp(`^(?:v1|v2\\.[0-9a-f]{8})\\.${B64}{16}\\.${B64}{22}\\.${B64}*$`);

/**
 * Phone and ID numbers at rest: AES-256-GCM with a random IV per value, plus a keyed hash
 * (HMAC-SHA256) so a resident can be found by phone without the clear number in any index.
 * Values are sealed with the current key and name it (`v2.<keyId>.…`); values sealed with a
 * previous key, or before keys had names (`v1.…`), still open while that key is configured
 * (ADR 0013).
 */
export class PiiVault {
  private readonly current: VaultKey;
  private readonly previous: VaultKey[];
  private readonly byId = new Map<string, VaultKey>();

  constructor(currentKey: Buffer, previousKeys: Buffer[] = []) {
    this.current = vaultKey(currentKey);
    this.previous = previousKeys.map(vaultKey);
    for (const k of [this.current, ...this.previous]) {
      if (this.byId.has(k.id)) {
        throw new PiiKeyError(k.id === this.current.id ? `PII_KEY_PREVIOUS repeats PII_KEY (key ${k.id})` : `two keys share the id ${k.id}: remove the repeated key`);
      }
      this.byId.set(k.id, k);
    }
  }

  static fromEnv(source?: NodeJS.ProcessEnv): PiiVault {
    const { current, previous } = piiKeysFromEnv(source);
    return new PiiVault(current, previous);
  }

  /** The id of the key new values are sealed with. */
  get keyId(): string {
    return this.current.id;
  }

  get previousKeyIds(): string[] {
    return this.previous.map((k) => k.id);
  }

  /** `v2.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts; the header is authenticated too. */
  seal(plain: string): string {
    const iv = randomBytes(12);
    const header = `v2.${this.current.id}`;
    const cipher = createCipheriv('aes-256-gcm', this.current.seal, iv).setAAD(Buffer.from(header));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [header, ...[iv, cipher.getAuthTag(), body].map((p) => p.toString('base64url'))].join('.');
  }

  open(sealed: string): string {
    const parts = sealed.split('.');
    if (parts[0] === 'v1' && parts.length === 4) {
      // v1 values do not name their key: the current one first, then each previous one.
      for (const key of [this.current, ...this.previous]) {
        const plain = decrypt(key, parts[1], parts[2], parts[3]);
        if (plain !== null) return plain;
      }
      throw new PiiKeyError(`a v1 value opens with none of the keys given (${this.describeKeys()}): it was sealed with another key, or altered`);
    }
    if (parts[0] === 'v2' && parts.length === 5) {
      const key = this.byId.get(parts[1]);
      if (!key) throw new PiiKeyError(`a value is sealed with key ${parts[1]}, which is not among the keys given (${this.describeKeys()}): add that key to PII_KEY_PREVIOUS`);
      const plain = decrypt(key, parts[2], parts[3], parts[4], `v2.${key.id}`);
      if (plain === null) throw new PiiKeyError(`a value sealed with key ${key.id} fails authentication: it was altered`);
      return plain;
    }
    throw new PiiKeyError('not a sealed value');
  }

  /** Sealed with the current key in the current format: a rotation leaves it alone. */
  isCurrent(sealed: string): boolean {
    return sealed.startsWith(`v2.${this.current.id}.`);
  }

  /** The same value always gives the same index under one key; the index reveals nothing without the key. */
  index(kind: 'phone' | 'id', plain: string): string {
    return hmac(this.current, kind, plain);
  }

  /** The index under every key given, the current one first: what a look-up matches during a rotation. */
  indexes(kind: 'phone' | 'id', plain: string): string[] {
    return [this.current, ...this.previous].map((k) => hmac(k, kind, plain));
  }

  private describeKeys(): string {
    return `PII_KEY ${this.current.id}, PII_KEY_PREVIOUS ${this.previous.map((k) => k.id).join(', ') || 'none'}`;
  }
}

const hmac = (key: VaultKey, kind: string, plain: string) => createHmac('sha256', key.index).update(`${kind}:${plain}`).digest('base64url');

/** The clear text, or null when this key (or the header) does not authenticate the value. */
function decrypt(key: VaultKey, iv: string, tag: string, body: string, header?: string): string | null {
  const ivBytes = Buffer.from(iv, 'base64url');
  const tagBytes = Buffer.from(tag, 'base64url');
  if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new PiiKeyError('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key.seal, ivBytes);
  if (header) decipher.setAAD(Buffer.from(header));
  decipher.setAuthTag(tagBytes);
  try {
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
