import { CASE_NUMBER_PATTERN, caseWorkflowId, formatCaseNumber } from './case';

describe('case numbers', () => {
  it('are the UTC day of intake followed by a six-digit sequence', () => {
    expect(formatCaseNumber(new Date('2026-11-23T10:00:00Z'), 42)).toBe('20261123000042');
    expect(formatCaseNumber(new Date('2026-01-02T00:00:00Z'), 1234567)).toBe('202601021234567');
  });

  it('match the pattern the API checks, and name their workflow', () => {
    expect(CASE_NUMBER_PATTERN.test(formatCaseNumber(new Date(), 7))).toBe(true);
    expect(CASE_NUMBER_PATTERN.test('abc')).toBe(false);
    expect(caseWorkflowId('20261123000042')).toBe('case-20261123000042');
  });
});
