import { CASE_TYPES, SlaCaseFacts, SlaRule, SlaRuleMatch, URGENCIES, categoryCovers, isCatchAll } from './rules';

export interface RuleOverlap {
  first: SlaRule;
  second: SlaRule;
  /** A case both rules match. */
  example: SlaCaseFacts;
  message: string;
}

/**
 * Pairs of rules that some case (case type × category × urgency) would match both of. First
 * match wins, so the later rule would silently lose that case; rejecting the set instead makes
 * the order of rules carry no hidden meaning. The one exception is a catch-all (empty match) in
 * the last place: the default for whatever no other rule takes. A catch-all anywhere else
 * overlaps everything after it.
 */
export function findRuleOverlaps(rules: readonly SlaRule[]): RuleOverlap[] {
  const out: RuleOverlap[] = [];
  const last = rules.length - 1;
  for (let j = 1; j < rules.length; j++) {
    const defaultRule = j === last && isCatchAll(rules[j].match);
    for (let i = 0; i < j; i++) {
      if (defaultRule && !isCatchAll(rules[i].match)) continue;
      const example = commonCase(rules[i].match, rules[j].match);
      if (example) out.push({ first: rules[i], second: rules[j], example, message: describe(rules[i], rules[j], example) });
    }
  }
  return out;
}

/** A case both matches accept, or null when their sets of cases are disjoint. */
export function commonCase(a: SlaRuleMatch, b: SlaRuleMatch): SlaCaseFacts | null {
  const caseType = CASE_TYPES.find((t) => (!a.caseTypes || a.caseTypes.includes(t)) && (!b.caseTypes || b.caseTypes.includes(t)));
  const urgency = URGENCIES.find((u) => (!a.urgencies || a.urgencies.includes(u)) && (!b.urgencies || b.urgencies.includes(u)));
  if (!caseType || !urgency) return null;
  const categoryCode = commonCategory(a.categories, b.categories);
  return categoryCode === undefined ? null : { caseType, categoryCode, urgency };
}

/** A category code both lists accept; null (no category) when neither restricts it; undefined when none. */
function commonCategory(a: string[] | undefined, b: string[] | undefined): string | null | undefined {
  if (!a || !b) return (a ?? b)?.[0] ?? null;
  for (const p of a) {
    for (const q of b) {
      if (categoryCovers(p, q)) return q;
      if (categoryCovers(q, p)) return p;
    }
  }
  return undefined;
}

function describe(a: SlaRule, b: SlaRule, c: SlaCaseFacts): string {
  const category = c.categoryCode === null ? 'any category' : `category ${c.categoryCode}`;
  const hint = isCatchAll(a.match) ? ` Rule "${a.id}" matches every case; only the last rule may be a catch-all default.` : '';
  return `Rules "${a.id}" (${a.name}) and "${b.id}" (${b.name}) overlap: both match a ${c.caseType} case in ${category} with urgency ${c.urgency}.${hint}`;
}
