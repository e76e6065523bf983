import { randomBytes } from 'node:crypto';
import { sealV1 } from '../../../../test/support/pii';
import { PiiKeyError, PiiVault, SEALED_VALUE, piiKeyId } from './pii-vault';

describe('PiiVault', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const vault = new PiiVault(randomBytes(32));

  it('seals a phone so that only the key opens it, differently each time', () => {
    const a = vault.seal('13812345678');
    const b = vault.seal('13812345678');
    expect(a).not.toContain('13812345678');
    expect(a).not.toBe(b);
    expect(vault.open(a)).toBe('13812345678');
    expect(() => new PiiVault(randomBytes(32)).open(a)).toThrow(PiiKeyError);
  });

  it('names the key in every value it seals: v2.<keyId>.…, a short fingerprint that does not reveal the key', () => {
    const sealed = vault.seal('13812345678');
    expect(vault.keyId).toMatch(/^[0-9a-f]{8}$/);
    expect(sealed.startsWith(`v2.${vault.keyId}.`)).toBe(true);
    expect(sealed).toMatch(SEALED_VALUE);
    expect(piiKeyId(oldKey)).toBe(new PiiVault(oldKey).keyId);
    expect(piiKeyId(oldKey)).not.toBe(piiKeyId(newKey));
    expect(vault.isCurrent(sealed)).toBe(true);
    expect(new PiiVault(newKey, [oldKey]).isCurrent(new PiiVault(oldKey).seal('x'))).toBe(false);
  });

  it('opens v1 values (sealed before keys had names) with the current key, and with a previous one during a rotation', () => {
    const v1 = sealV1(oldKey, '370404198801011234');
    expect(v1).toMatch(SEALED_VALUE);
    expect(new PiiVault(oldKey).open(v1)).toBe('370404198801011234');
    expect(new PiiVault(newKey, [oldKey]).open(v1)).toBe('370404198801011234');
    expect(new PiiVault(oldKey).isCurrent(v1)).toBe(false);
    expect(() => new PiiVault(newKey).open(v1)).toThrow(/v1 value opens with none of the keys given/);
  });

  it('seals with the current key and opens whatever a previous key sealed', () => {
    const rotating = new PiiVault(newKey, [randomBytes(32), oldKey]);
    const old = new PiiVault(oldKey).seal('13812345678');
    expect(rotating.open(old)).toBe('13812345678');
    const fresh = rotating.seal('13812345678');
    expect(fresh.startsWith(`v2.${piiKeyId(newKey)}.`)).toBe(true);
    expect(new PiiVault(newKey).open(fresh)).toBe('13812345678');
    expect(rotating.previousKeyIds).toEqual([expect.any(String), piiKeyId(oldKey)]);
  });

  it('says which key a value needs when it is not among the keys given, without the value', () => {
    const old = new PiiVault(oldKey).seal('13812345678');
    const attempt = () => new PiiVault(newKey).open(old);
    expect(attempt).toThrow(PiiKeyError);
    expect(attempt).toThrow(new RegExp(`sealed with key ${piiKeyId(oldKey)}.*PII_KEY ${piiKeyId(newKey)}, PII_KEY_PREVIOUS none.*add that key to PII_KEY_PREVIOUS`));
    expect(attempt).not.toThrow(/5678/);
  });

  it('refuses a tampered value, a swapped key id and what is not a sealed value', () => {
    const sealed = vault.seal('13812345678').split('.');
    const body = [...sealed];
    body[4] = Buffer.from('13800000000').toString('base64url');
    expect(() => vault.open(body.join('.'))).toThrow(/fails authentication/);
    // The same ciphertext under another (known) key id does not open: the header is authenticated.
    const other = new PiiVault(oldKey, [newKey]);
    const moved = other.seal('13812345678').split('.');
    moved[1] = piiKeyId(newKey);
    expect(() => other.open(moved.join('.'))).toThrow(PiiKeyError);
    expect(() => vault.open('13812345678')).toThrow(/not a sealed value/);
    expect(() => vault.open('v2.abc')).toThrow(/not a sealed value/);
  });

  it('indexes the same number the same way, per kind, without revealing it; every key gives its own index', () => {
    expect(vault.index('phone', '13812345678')).toBe(vault.index('phone', '13812345678'));
    expect(vault.index('phone', '13812345678')).not.toBe(vault.index('id', '13812345678'));
    expect(vault.index('phone', '13812345678')).not.toContain('5678');
    const rotating = new PiiVault(newKey, [oldKey]);
    expect(rotating.indexes('phone', '13812345678')).toEqual([new PiiVault(newKey).index('phone', '13812345678'), new PiiVault(oldKey).index('phone', '13812345678')]);
    expect(rotating.index('phone', '13812345678')).toBe(new PiiVault(newKey).index('phone', '13812345678'));
  });

  it('takes its keys from PII_KEY and PII_KEY_PREVIOUS and names a bad one', () => {
    expect(PiiVault.fromEnv({}).open(PiiVault.fromEnv({}).seal('x'))).toBe('x');
    expect(() => PiiVault.fromEnv({ PII_KEY: 'short' })).toThrow(/PII_KEY/);
    const env = { PII_KEY: newKey.toString('base64'), PII_KEY_PREVIOUS: ` ${oldKey.toString('base64')}, ${randomBytes(32).toString('base64')} ` };
    const fromEnv = PiiVault.fromEnv(env);
    expect([fromEnv.keyId, fromEnv.previousKeyIds.length]).toEqual([piiKeyId(newKey), 2]);
    expect(fromEnv.open(new PiiVault(oldKey).seal('x'))).toBe('x');
    expect(() => PiiVault.fromEnv({ ...env, PII_KEY_PREVIOUS: 'short' })).toThrow(/PII_KEY_PREVIOUS/);
    expect(() => PiiVault.fromEnv({ ...env, PII_KEY_PREVIOUS: env.PII_KEY })).toThrow(/PII_KEY_PREVIOUS repeats PII_KEY/);
  });
});
