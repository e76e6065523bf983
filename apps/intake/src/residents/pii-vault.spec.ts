import { randomBytes } from 'node:crypto';
import { PiiVault } from './pii-vault';

describe('PiiVault', () => {
  const vault = new PiiVault(randomBytes(32));

  it('seals a phone so that only the key opens it, differently each time', () => {
    const a = vault.seal('13812345678');
    const b = vault.seal('13812345678');
    expect(a).not.toContain('13812345678');
    expect(a).not.toBe(b);
    expect(vault.open(a)).toBe('13812345678');
    expect(() => new PiiVault(randomBytes(32)).open(a)).toThrow();
  });

  it('refuses a tampered value', () => {
    const sealed = vault.seal('13812345678').split('.');
    sealed[3] = Buffer.from('13800000000').toString('base64url');
    expect(() => vault.open(sealed.join('.'))).toThrow();
  });

  it('indexes the same number the same way, per kind, without revealing it', () => {
    expect(vault.index('phone', '13812345678')).toBe(vault.index('phone', '13812345678'));
    expect(vault.index('phone', '13812345678')).not.toBe(vault.index('id', '13812345678'));
    expect(vault.index('phone', '13812345678')).not.toContain('5678');
  });

  it('takes its key from PII_KEY and names a bad one', () => {
    expect(PiiVault.fromEnv({}).open(PiiVault.fromEnv({}).seal('x'))).toBe('x');
    expect(() => PiiVault.fromEnv({ PII_KEY: 'short' })).toThrow(/PII_KEY/);
  });
});
