import { DomainError } from '../errors';
import { DEMO_DEFAULT_RULE_SET, SLA_PRESETS } from './presets';
import { CASE_TYPES, SlaRule } from './rules';
import { assertCoversEveryCase, ruleSetProblems, uncoveredCases, validateRuleSet } from './validate';

const base = SLA_PRESETS['san-san'].rules[0];
const rule = (id: string, match: SlaRule['match'], over: Partial<SlaRule> = {}): SlaRule => ({ ...base, id, name: `${id} rule`, match, ...over });
const codes = (rules: SlaRule[]) => ruleSetProblems({ name: 'test', rules }).map((p) => p.code);

describe('overlap', () => {
  it('accepts rules that are disjoint by urgency, case type or category', () => {
    expect(codes([rule('a', { urgencies: ['emergency'] }), rule('b', { urgencies: ['urgent', 'normal'] })])).toEqual([]);
    expect(codes([rule('a', { caseTypes: ['petition'] }), rule('b', { caseTypes: ['request'], urgencies: ['normal'] })])).toEqual([]);
    expect(codes([rule('a', { categories: ['C01'] }), rule('b', { categories: ['C010', 'C02-01'] })])).toEqual([]);
  });

  it('rejects a category prefix that covers another of the same type and urgency, naming both rules and a case', () => {
    const problems = ruleSetProblems({ name: 't', rules: [rule('roads', { categories: ['C03'] }), rule('potholes', { categories: ['C03-02'], urgencies: ['normal'] })] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'SLA_RULE_OVERLAP', ruleIds: ['roads', 'potholes'] });
    expect(problems[0].message).toBe('Rules "roads" (roads rule) and "potholes" (potholes rule) overlap: both match a request case in category C03-02 with urgency normal.');
  });

  it('rejects rules that share a case type and urgency when either leaves categories open', () => {
    const [p] = ruleSetProblems({ name: 't', rules: [rule('a', { caseTypes: ['report'] }), rule('b', { categories: ['C05'], urgencies: ['urgent'] })] });
    expect(p.message).toContain('both match a report case in category C05 with urgency urgent');
  });

  it('accepts a catch-all in the last place', () => {
    expect(codes([rule('a', { urgencies: ['emergency'] }), rule('b', { categories: ['C01'], urgencies: ['normal'] }), rule('default', {})])).toEqual([]);
  });

  it('rejects a catch-all anywhere else, and two catch-alls', () => {
    const [p] = ruleSetProblems({ name: 't', rules: [rule('default', {}), rule('a', { urgencies: ['emergency'] })] });
    expect(p.code).toBe('SLA_RULE_OVERLAP');
    expect(p.message).toContain('only the last rule may be a catch-all');
    expect(codes([rule('one', {}), rule('two', {})])).toEqual(['SLA_RULE_OVERLAP']);
  });

  it('throws the first problem as an invalid DomainError carrying all of them', () => {
    const draft = { name: 't', rules: [rule('a', {}), rule('b', {}), rule('c', {})] };
    const error = (() => {
      try {
        validateRuleSet(draft);
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'invalid', code: 'SLA_RULE_OVERLAP' });
    expect((error?.details as { problems: unknown[] }).problems).toHaveLength(3);
  });
});

describe('rule checks', () => {
  const grid = base.levels.grid!;

  it('needs rules, unique ids and at least one level', () => {
    expect(codes([])).toEqual(['SLA_RULE_SET_EMPTY']);
    expect(codes([rule('a', { urgencies: ['urgent'] }), rule('a', { urgencies: ['normal'] })])).toEqual(['SLA_RULE_DUPLICATE_ID']);
    expect(codes([rule('a', {}, { levels: {} })])).toEqual(['SLA_RULE_INVALID']);
  });

  it.each([
    ['warnAt out of (0,1)', { warnAt: [0.5, 1] }, /warnAt/],
    ['warnAt not ascending', { warnAt: [0.75, 0.5] }, /warnAt/],
    ['a zero duration', { resolveWithin: { amount: 0, unit: 'days' as const } }, /resolveWithin 0 days/],
    ['a fractional duration', { signWithin: { amount: 1.5, unit: 'hours' as const } }, /signWithin 1.5 hours/],
    ['signing longer than resolving', { signWithin: { amount: 4, unit: 'days' as const } }, /signWithin is longer/],
    ['negative points', { breachPoints: -1 }, /breachPoints/],
  ])('rejects %s', (_, change, message) => {
    const [p] = ruleSetProblems({ name: 't', rules: [rule('a', {}, { levels: { grid: { ...grid, ...change } } })] });
    expect(p.code).toBe('SLA_RULE_INVALID');
    expect(p.message).toMatch(message);
    expect(p.message).toMatch(/^Rule "a" \(a rule\): at grid, /);
  });

  it('rejects a negative reopen limit, empty match lists, unknown values and an escalating leader level', () => {
    expect(ruleSetProblems({ name: 't', rules: [rule('a', {}, { reopenLimit: -1 })] })[0].message).toMatch(/reopenLimit/);
    expect(ruleSetProblems({ name: 't', rules: [rule('a', { urgencies: [] })] })[0].message).toMatch(/leave it out/);
    expect(ruleSetProblems({ name: 't', rules: [rule('a', { caseTypes: ['ticket' as 'request'] })] })[0].message).toMatch(/unknown value "ticket"/);
    expect(ruleSetProblems({ name: 't', rules: [rule('a', { categories: ['C03 '] })] })[0].message).toMatch(/malformed value/);
    const leader = { ...base.levels.leader!, escalateOnBreach: true };
    expect(ruleSetProblems({ name: 't', rules: [rule('a', {}, { levels: { leader } })] })[0].message).toMatch(/top of the ladder/);
  });

  it('takes optional re-routing and callback limits, positive and whole', () => {
    expect(codes([rule('a', {}, { rerouteWithin: { amount: 3, unit: 'hours' }, callbackWithin: { amount: 2, unit: 'days' } })])).toEqual([]);
    expect(ruleSetProblems({ name: 't', rules: [rule('a', {}, { rerouteWithin: { amount: 0, unit: 'hours' } })] })[0].message).toMatch(/rerouteWithin 0 hours/);
    expect(ruleSetProblems({ name: 't', rules: [rule('a', {}, { callbackWithin: { amount: 1.5, unit: 'days' } })] })[0].message).toMatch(/callbackWithin 1.5 days/);
  });
});

describe('a rule set in force covers every case', () => {
  it('accepts the whole-district presets, the demo set and a set ending in a catch-all; the partial presets only combined', () => {
    for (const set of [SLA_PRESETS['san-san'], SLA_PRESETS['beijing-12345'], DEMO_DEFAULT_RULE_SET]) expect(() => assertCoversEveryCase(set)).not.toThrow();
    for (const set of [SLA_PRESETS['xinfang-2022'], SLA_PRESETS['fifteen-15-15']]) expect(() => assertCoversEveryCase(set)).toThrow(/catch-all/);
    expect(() => assertCoversEveryCase({ name: 't', rules: [rule('a', { categories: ['C01'] }), rule('default', {})] })).not.toThrow();
  });

  it('refuses a set that leaves a case type, an urgency or an unnamed category without a rule, with SLA_CATCH_ALL_REQUIRED', () => {
    const refuse = (rules: SlaRule[]) => {
      try {
        assertCoversEveryCase({ name: 'partial', rules });
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('accepted');
    };
    const byType = refuse([rule('p', { caseTypes: ['petition'] })]);
    expect(byType.code).toBe('SLA_CATCH_ALL_REQUIRED');
    expect(byType.message).toContain('"partial" cannot be activated: no rule takes a request case with urgency emergency');
    expect(byType.message).toContain('Add a catch-all');
    expect(uncoveredCases([rule('u', { urgencies: ['emergency', 'urgent', 'normal'] })])).toEqual(CASE_TYPES.map((caseType) => ({ caseType, urgency: 'complex' })));
    expect(uncoveredCases([rule('c', { categories: ['C01'] })])).toHaveLength(16);
  });
});
