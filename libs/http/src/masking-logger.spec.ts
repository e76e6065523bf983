import { MaskingLogger } from './masking-logger';

describe('MaskingLogger', () => {
  it('prints phone and ID numbers masked', () => {
    const out: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    try {
      const logger = new MaskingLogger('Test', { colors: false });
      logger.log('caller 13812345678 gave id 11010519491231002X for case 20261123000042');
      logger.error('an error without a stack');
    } finally {
      spy.mockRestore();
    }
    const line = out.join('');
    expect(line).toContain('138****5678');
    expect(line).toContain('110105********002X');
    expect(line).toContain('20261123000042');
    expect(line).not.toContain('13812345678');
  });
});
