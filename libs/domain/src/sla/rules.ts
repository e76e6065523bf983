import type { Channel, Level } from '../case';
import type { CalendarSnapshot, Duration, LevelLimits, SlaPolicy } from './policy';

/** What kind of matter a case is, whatever door it came in by. */
export const CASE_TYPES = ['request', 'petition', 'report', 'opinion'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The Beijing hotline classes: life or property at risk / utilities (水电气热) / general / complex. */
export const URGENCIES = ['emergency', 'urgent', 'normal', 'complex'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A Record, not a switch, so a new channel does not compile until it is given a case type. */
const CASE_TYPE_OF: Record<Channel, CaseType> = {
  hotline: 'request',
  web: 'request',
  external: 'request',
  petition: 'petition',
  grid: 'report',
  opinion: 'opinion',
};

/** 诉求 (hotline, web, other systems), 信访 (petition window), a grid worker's report, 舆情. */
export const caseTypeOf = (channel: Channel): CaseType => CASE_TYPE_OF[channel];

/**
 * Which cases a rule applies to. An omitted field matches anything; a rule with none of them is
 * a catch-all. Category entries are code prefixes by segment: 'C03' matches 'C03' and 'C03-02'
 * but not 'C030', so a class covers its sub-items without swallowing a sibling class.
 */
export interface SlaRuleMatch {
  caseTypes?: CaseType[];
  categories?: string[];
  urgencies?: Urgency[];
}

export interface SlaRule {
  /** Unique within its rule set; a case's policy names it. */
  id: string;
  name: string;
  match: SlaRuleMatch;
  levels: Partial<Record<Level, LevelLimits>>;
  ratingWithin: Duration;
  reopenLimit: number;
  /** Optional: see SlaPolicy; the ladder's defaults apply when left out. */
  rerouteWithin?: Duration;
  callbackWithin?: Duration;
  /** Optional provenance (a statute article, a seed document); shown to administrators only. */
  source?: string;
}

/** A rule set as an administrator writes it: ordered rules, first match wins. */
export interface SlaRuleSetDraft {
  name: string;
  rules: SlaRule[];
}

/** The facts about a case a rule is chosen by. */
export interface SlaCaseFacts {
  caseType: CaseType;
  categoryCode: string | null;
  urgency: Urgency;
}

/** Whether a category prefix covers a code (or a narrower prefix). */
export const categoryCovers = (prefix: string, code: string): boolean => code === prefix || code.startsWith(`${prefix}-`);

export const isCatchAll = (m: SlaRuleMatch): boolean => !m.caseTypes && !m.categories && !m.urgencies;

export function ruleMatches(m: SlaRuleMatch, facts: SlaCaseFacts): boolean {
  if (m.caseTypes && !m.caseTypes.includes(facts.caseType)) return false;
  if (m.urgencies && !m.urgencies.includes(facts.urgency)) return false;
  if (!m.categories) return true;
  const code = facts.categoryCode;
  return code !== null && m.categories.some((p) => categoryCovers(p, code));
}

/** The first rule that matches: order is the administrator's, and validation keeps it unambiguous. */
export function matchRule(rules: readonly SlaRule[], facts: SlaCaseFacts): SlaRule | undefined {
  return rules.find((r) => ruleMatches(r.match, facts));
}

/** The policy without its calendar: what the admin service resolves; the caller adds the calendar. */
export function policyOf(set: { id: string; version: number }, rule: SlaRule): Omit<SlaPolicy, 'calendar'> {
  // Copies, so a workflow holding the policy never shares objects with a stored rule set.
  const levels: Partial<Record<Level, LevelLimits>> = {};
  for (const [level, l] of Object.entries(rule.levels) as [Level, LevelLimits][]) {
    levels[level] = { ...l, signWithin: l.signWithin && { ...l.signWithin }, resolveWithin: { ...l.resolveWithin }, warnAt: [...l.warnAt], maxExtension: l.maxExtension && { ...l.maxExtension } };
  }
  return { ruleSetId: set.id, version: set.version, ruleId: rule.id, name: rule.name, levels, ratingWithin: { ...rule.ratingWithin }, reopenLimit: rule.reopenLimit,
    ...(rule.rerouteWithin ? { rerouteWithin: { ...rule.rerouteWithin } } : {}),
    ...(rule.callbackWithin ? { callbackWithin: { ...rule.callbackWithin } } : {}),
  };
}

/** The snapshot a case workflow runs with. */
export function toPolicy(set: { id: string; version: number }, rule: SlaRule, calendar: CalendarSnapshot): SlaPolicy {
  return { ...policyOf(set, rule), calendar: { holidays: [...calendar.holidays], workdays: [...calendar.workdays] } };
}
