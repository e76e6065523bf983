import { maskPhone } from './case.view';

describe('maskPhone', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('0632-7711234')).toBe('063*****1234');
  });

  it('hides short values entirely', () => {
    expect(maskPhone('12345')).toBe('****');
  });
});
