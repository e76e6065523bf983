import { LEVELS } from '../case';
import { DEMO_DEFAULT_RULE_SET, SLA_PRESETS } from './presets';
import { matchRule } from './rules';
import { ruleSetProblems } from './validate';

describe('SLA presets', () => {
  it.each(Object.entries(SLA_PRESETS))('%s is a valid rule set', (_, draft) => {
    expect(ruleSetProblems(draft)).toEqual([]);
  });

  it('give every level of the ladder limits, with the default warnings', () => {
    for (const draft of [...Object.values(SLA_PRESETS), DEMO_DEFAULT_RULE_SET]) {
      for (const rule of draft.rules) {
        expect(Object.keys(rule.levels)).toEqual([...LEVELS]);
        for (const l of Object.values(rule.levels)) expect(l.warnAt).toEqual([0.5, 0.75]);
      }
    }
  });

  it('ship the limits of their sources', () => {
    const [sanSan] = SLA_PRESETS['san-san'].rules;
    expect(sanSan.levels.town).toMatchObject({ signWithin: { amount: 3, unit: 'hours' }, resolveWithin: { amount: 3, unit: 'days' } });
    const beijing = SLA_PRESETS['beijing-12345'].rules.map((r) => r.levels.grid!.resolveWithin);
    expect(beijing).toEqual([{ amount: 2, unit: 'hours' }, { amount: 24, unit: 'hours' }, { amount: 7, unit: 'days' }, { amount: 15, unit: 'days' }]);
    const [xinfang] = SLA_PRESETS['xinfang-2022'].rules;
    expect(xinfang.levels.district).toMatchObject({ signWithin: { amount: 15, unit: 'days' }, resolveWithin: { amount: 60, unit: 'days' }, maxExtension: { amount: 30, unit: 'days' }, basis: 'calendar', escalateOnBreach: false });
    const [fifteen] = SLA_PRESETS['fifteen-15-15'].rules;
    expect(fifteen.levels.grid).toMatchObject({ signWithin: { amount: 15, unit: 'minutes' }, resolveWithin: { amount: 45, unit: 'minutes' } });
  });
});

describe('the demo default set', () => {
  const pick = (caseType: 'request' | 'petition' | 'report' | 'opinion', urgency: 'emergency' | 'urgent' | 'normal' | 'complex') =>
    matchRule(DEMO_DEFAULT_RULE_SET.rules, { caseType, categoryCode: 'C03-01', urgency })?.id;

  it('is valid and sends each kind of case to its source', () => {
    expect(ruleSetProblems(DEMO_DEFAULT_RULE_SET)).toEqual([]);
    expect(pick('petition', 'emergency')).toBe('petition');
    expect(pick('report', 'urgent')).toBe('urgent-report');
    expect(pick('request', 'emergency')).toBe('request-emergency');
    expect(pick('request', 'complex')).toBe('request-complex');
    expect(pick('report', 'normal')).toBe('default');
    expect(pick('opinion', 'urgent')).toBe('default');
  });
});
