import { CHANNELS } from '../case';
import { CASE_TYPES, SlaRule, caseTypeOf, matchRule, toPolicy } from './rules';
import { SLA_PRESETS } from './presets';

const rule = (id: string, match: SlaRule['match']): SlaRule => ({ ...SLA_PRESETS['san-san'].rules[0], id, name: id, match });
const facts = (over: Partial<{ caseType: 'request' | 'petition' | 'report' | 'opinion'; categoryCode: string | null; urgency: 'emergency' | 'urgent' | 'normal' | 'complex' }> = {}) => ({
  caseType: 'request' as const,
  categoryCode: null,
  urgency: 'normal' as const,
  ...over,
});

describe('caseTypeOf', () => {
  it('reads hotline, web and other systems as requests, and the rest by their door', () => {
    expect(['hotline', 'web', 'external'].map((c) => caseTypeOf(c as 'web'))).toEqual(['request', 'request', 'request']);
    expect(caseTypeOf('petition')).toBe('petition');
    expect(caseTypeOf('grid')).toBe('report');
    expect(caseTypeOf('opinion')).toBe('opinion');
  });

  it('gives every channel a case type', () => {
    for (const c of CHANNELS) expect(CASE_TYPES).toContain(caseTypeOf(c));
  });
});

describe('matchRule', () => {
  const rules = [rule('roads', { categories: ['C03'] }), rule('urgent', { urgencies: ['urgent'] }), rule('default', {})];

  it('takes the first rule that matches', () => {
    expect(matchRule(rules, facts({ categoryCode: 'C03-02', urgency: 'urgent' }))?.id).toBe('roads');
    expect(matchRule(rules, facts({ categoryCode: 'C04', urgency: 'urgent' }))?.id).toBe('urgent');
    expect(matchRule(rules, facts())?.id).toBe('default');
  });

  it('matches category prefixes by segment, and a case without a category only where categories are open', () => {
    expect(matchRule(rules, facts({ categoryCode: 'C03' }))?.id).toBe('roads');
    expect(matchRule(rules, facts({ categoryCode: 'C030' }))?.id).toBe('default');
    expect(matchRule(rules.slice(0, 1), facts({ categoryCode: null }))).toBeUndefined();
  });

  it('answers undefined when nothing matches', () => {
    expect(matchRule([rule('petitions', { caseTypes: ['petition'] })], facts())).toBeUndefined();
  });
});

describe('toPolicy', () => {
  it('names the set, version and rule, and shares no objects with the rule', () => {
    const r = rule('r', {});
    const policy = toPolicy({ id: 'set-1', version: 3 }, r, { holidays: ['2026-10-01'], workdays: [] });
    expect(policy).toMatchObject({ ruleSetId: 'set-1', version: 3, ruleId: 'r', name: 'r', reopenLimit: 1, ratingWithin: { amount: 3, unit: 'days' } });
    expect(policy.levels.grid).toEqual(r.levels.grid);
    policy.levels.grid!.warnAt.push(0.9);
    expect(r.levels.grid!.warnAt).toEqual([0.5, 0.75]);
    expect(policy).not.toHaveProperty('rerouteWithin');
  });

  it('carries a rule’s re-routing and callback limits when it sets them', () => {
    const policy = toPolicy({ id: 's', version: 1 }, { ...rule('r', {}), rerouteWithin: { amount: 4, unit: 'hours' }, callbackWithin: { amount: 2, unit: 'days' } }, { holidays: [], workdays: [] });
    expect(policy).toMatchObject({ rerouteWithin: { amount: 4, unit: 'hours' }, callbackWithin: { amount: 2, unit: 'days' } });
  });
});
