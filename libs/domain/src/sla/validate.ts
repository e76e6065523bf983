import { LEVELS } from '../case';
import { invalid } from '../errors';
import type { Duration, LevelLimits } from './policy';
import { findRuleOverlaps } from './overlap';
import { CASE_TYPES, CaseType, SlaRule, SlaRuleSetDraft, URGENCIES, Urgency } from './rules';

export type RuleSetProblemCode = 'SLA_RULE_SET_EMPTY' | 'SLA_RULE_DUPLICATE_ID' | 'SLA_RULE_INVALID' | 'SLA_RULE_OVERLAP' | 'SLA_CATCH_ALL_REQUIRED';

export interface RuleSetProblem {
  code: RuleSetProblemCode;
  message: string;
  ruleIds: string[];
}

/**
 * Everything wrong with a rule set, in rule order: first each rule on its own, then every pair
 * of rules that some case would match both of (see overlap.ts).
 */
export function ruleSetProblems(draft: SlaRuleSetDraft): RuleSetProblem[] {
  const problems: RuleSetProblem[] = [];
  if (!draft.name?.trim()) problems.push({ code: 'SLA_RULE_INVALID', message: 'The rule set needs a name.', ruleIds: [] });
  if (!draft.rules?.length) return [...problems, { code: 'SLA_RULE_SET_EMPTY', message: 'A rule set needs at least one rule.', ruleIds: [] }];
  const seen = new Set<string>();
  for (const rule of draft.rules) {
    if (seen.has(rule.id)) problems.push({ code: 'SLA_RULE_DUPLICATE_ID', message: `Two rules have the id "${rule.id}"; rule ids must be unique in a set.`, ruleIds: [rule.id] });
    seen.add(rule.id);
    for (const p of ruleProblems(rule)) problems.push({ code: 'SLA_RULE_INVALID', message: `Rule "${rule.id}" (${rule.name}): ${p}.`, ruleIds: [rule.id] });
  }
  // Overlap is only meaningful between well-formed matches.
  if (problems.length) return problems;
  return findRuleOverlaps(draft.rules).map((o) => ({ code: 'SLA_RULE_OVERLAP', message: o.message, ruleIds: [o.first.id, o.second.id] }));
}

/** Throws `invalid(<first problem's code>)` with every problem in its message and details. */
export function validateRuleSet<T extends SlaRuleSetDraft>(draft: T): T {
  const problems = ruleSetProblems(draft);
  if (problems.length) throw invalid(problems[0].code, problems.map((p) => p.message).join(' '), { problems });
  return draft;
}

/**
 * The case type × urgency pairs some case of which no rule takes: a pair is covered only by a rule
 * that leaves categories open, since a category no rule names (a new one, a typo) can come in.
 */
export function uncoveredCases(rules: readonly SlaRule[]): { caseType: CaseType; urgency: Urgency }[] {
  const covers = (r: SlaRule, caseType: CaseType, urgency: Urgency) =>
    !r.match.categories && (!r.match.caseTypes || r.match.caseTypes.includes(caseType)) && (!r.match.urgencies || r.match.urgencies.includes(urgency));
  return CASE_TYPES.flatMap((caseType) => URGENCIES.filter((urgency) => !rules.some((r) => covers(r, caseType, urgency))).map((urgency) => ({ caseType, urgency })));
}

/**
 * A rule set in force must give every case a policy (a case without one would wait for a rule):
 * refuses activation, with SLA_CATCH_ALL_REQUIRED, of a set that leaves some case uncovered.
 */
export function assertCoversEveryCase(set: { name: string; rules: readonly SlaRule[] }): void {
  const missing = uncoveredCases(set.rules);
  if (!missing.length) return;
  const shown = missing.slice(0, 3).map((c) => `a ${c.caseType} case with urgency ${c.urgency}`);
  const more = missing.length > 3 ? ` and ${missing.length - 3} more` : '';
  throw invalid(
    'SLA_CATCH_ALL_REQUIRED',
    `"${set.name}" cannot be activated: no rule takes ${shown.join(', ')}${more} (in a category no rule names). Add a catch-all as the last rule (an empty match) so every case gets a policy.`,
    { uncovered: missing },
  );
}

function ruleProblems(rule: SlaRule): string[] {
  const out: string[] = [];
  if (!rule.id?.trim()) out.push('the id must not be empty');
  if (!rule.name?.trim()) out.push('the name must not be empty');
  const m = rule.match ?? {};
  // An empty list reads as "any" to some and "none" to others: make the writer say which.
  for (const [field, values, allowed] of [['caseTypes', m.caseTypes, CASE_TYPES], ['urgencies', m.urgencies, URGENCIES], ['categories', m.categories, null]] as const) {
    if (values === undefined) continue;
    if (!values.length) out.push(`match.${field} is empty; leave it out to match every value`);
    for (const v of values) {
      if (allowed ? !(allowed as readonly string[]).includes(v) : !/^[^\s-]+(-[^\s-]+)*$/.test(v)) out.push(`match.${field} has ${allowed ? 'an unknown' : 'a malformed'} value "${v}"`);
    }
  }
  const levels = Object.entries(rule.levels ?? {}) as [string, LevelLimits][];
  if (!levels.length) out.push('it gives no level any limits');
  for (const [level, l] of levels) {
    if (!(LEVELS as readonly string[]).includes(level)) out.push(`"${level}" is not a level of the ladder (${LEVELS.join(', ')})`);
    else out.push(...levelProblems(l).map((p) => `at ${level}, ${p}`));
  }
  if (rule.levels?.leader?.escalateOnBreach) out.push('leader handling is the top of the ladder, so a breach there cannot escalate');
  if (!isPositive(rule.ratingWithin)) out.push(`ratingWithin ${show(rule.ratingWithin)} is not a positive whole duration`);
  for (const field of ['rerouteWithin', 'callbackWithin'] as const) {
    if (rule[field] !== undefined && !isPositive(rule[field])) out.push(`${field} ${show(rule[field])} is not a positive whole duration (leave it out for the default)`);
  }
  if (!Number.isInteger(rule.reopenLimit) || rule.reopenLimit < 0) out.push(`reopenLimit must be a whole number ≥ 0, not ${rule.reopenLimit}`);
  return out;
}

function levelProblems(l: LevelLimits): string[] {
  const out: string[] = [];
  if (!isPositive(l.resolveWithin)) out.push(`resolveWithin ${show(l.resolveWithin)} is not a positive whole duration`);
  if (l.signWithin !== null && !isPositive(l.signWithin)) out.push(`signWithin ${show(l.signWithin)} is not a positive whole duration`);
  else if (l.signWithin && isPositive(l.resolveWithin) && minutes(l.signWithin) > minutes(l.resolveWithin)) out.push('signWithin is longer than resolveWithin');
  if (l.maxExtension !== null && !isPositive(l.maxExtension)) out.push(`maxExtension ${show(l.maxExtension)} is not a positive whole duration (use null for none)`);
  if (l.basis !== 'calendar' && l.basis !== 'working') out.push(`basis must be "calendar" or "working", not "${String(l.basis)}"`);
  const w = l.warnAt ?? [];
  if (w.some((f) => !(f > 0 && f < 1)) || w.some((f, i) => i > 0 && f <= w[i - 1])) out.push(`warnAt [${w.join(', ')}] must be fractions between 0 and 1, ascending`);
  if (!Number.isFinite(l.breachPoints) || l.breachPoints < 0) out.push(`breachPoints must be ≥ 0, not ${l.breachPoints}`);
  return out;
}

const UNIT_MINUTES: Record<Duration['unit'], number> = { seconds: 1 / 60, minutes: 1, hours: 60, days: 1440 };

/** Fractional amounts would make working-day arithmetic ambiguous: write 90 minutes, not 1.5 hours. */
const isPositive = (d: Duration | null | undefined): d is Duration => !!d && Number.isInteger(d.amount) && d.amount > 0 && d.unit in UNIT_MINUTES;
const minutes = (d: Duration) => d.amount * UNIT_MINUTES[d.unit];
const show = (d: Duration | null | undefined) => (d ? `${d.amount} ${d.unit}` : String(d));
