import { isIdNumber, maskIdNumber, maskPhone, maskPii, normalisePhone } from './pii';

describe('personal data', () => {
  it('normalises a mobile given with +86 and hyphens', () => {
    expect(normalisePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(normalisePhone('0632-7711234')).toBe('06327711234');
  });

  it('masks phones and ID numbers keeping only what identifies the region and the last digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskIdNumber('37040419880101123X')).toBe('370404********123X');
  });

  it('checks the ID number check character', () => {
    expect(isIdNumber('11010519491231002X')).toBe(true);
    expect(isIdNumber('110105194912310021')).toBe(false);
    expect(isIdNumber('1101051949123100')).toBe(false);
  });

  it('masks phones and ID numbers in free text but not case numbers', () => {
    const line = 'caller 13812345678 (+86 139 1234 5678), id 11010519491231002X, office 0632-7711234, case 20261123000042';
    const masked = maskPii(line);
    expect(masked).not.toMatch(/13812345678|1234 5678|19491231|7711234/);
    expect(masked).toContain('138****5678');
    expect(masked).toContain('110105********002X');
    expect(masked).toContain('case 20261123000042');
  });
});
