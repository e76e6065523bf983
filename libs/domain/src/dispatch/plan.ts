import type { Level } from '../case';
import { invalid } from '../errors';
import { SIZE_START_LEVEL, SizeClass } from '../intake';
import { DISPATCH_ANY, CategoryTree, DispatchCategory, DispatchEntry } from './catalogue';

/** The facts dispatch is decided on, known at intake once the case is located and sized. */
export interface DispatchFacts {
  /** A class or sub-item code; null for a case nobody has categorised. */
  categoryCode: string | null;
  /** The town of the case's grid; null outside every grid. */
  townCode: string | null;
  hasGrid: boolean;
  size: SizeClass;
}

export interface DispatchDecision {
  start: Level;
  /** 'area': whoever holds `start` in the case's area; otherwise one unit (a lead department, or a unit the catalogue names). */
  handler: 'area' | { unitCode: string };
  departmentMatter: boolean;
  /** The catalogue entry that decided it; null for the rules that need none (大中小 default, department matters, no grid). */
  entryId: string | null;
  reason: string;
}

/**
 * Where a case starts and who takes it. In order: a department matter (职能部门事项) goes to its
 * lead department at the district, whatever the catalogue says; a case outside every grid goes
 * to the district centre; otherwise the most specific matching entry decides (sub-item over
 * class over `*`, then a named town over `*`, then a named size over `*`); without one, the
 * 大中小 rule: small at the grid, medium at the town, large at the district.
 */
export function planDispatch(catalogue: readonly DispatchEntry[], categories: readonly DispatchCategory[], facts: DispatchFacts): DispatchDecision {
  const tree = new CategoryTree(categories);
  const category = facts.categoryCode === null ? undefined : tree.get(facts.categoryCode);
  if (facts.categoryCode !== null && !category) throw invalid('UNKNOWN_CATEGORY', `There is no category "${facts.categoryCode}" in the category tree.`);

  if (category && tree.isDepartmentMatter(category)) {
    const lead = tree.leadDepartmentOf(category);
    const what = `${tree.label(category)} is a functional department's matter, handled at the district and never pushed down`;
    if (lead) return { start: 'district', handler: { unitCode: lead }, departmentMatter: true, entryId: null, reason: `${what}: its lead department ${lead} takes it.` };
    return { start: 'district', handler: 'area', departmentMatter: true, entryId: null, reason: `${what}; it has no lead department, so the district centre takes it.` };
  }
  if (!facts.hasGrid) return { start: 'district', handler: 'area', departmentMatter: false, entryId: null, reason: 'The case lies outside every grid: the district centre takes it.' };

  const entry = mostSpecific(catalogue, facts, category);
  if (!entry) {
    const start = SIZE_START_LEVEL[facts.size];
    return { start, handler: 'area', departmentMatter: false, entryId: null, reason: `No catalogue entry matches: by the 大中小 rule a ${facts.size} matter starts at the ${start}.` };
  }
  const why = `Catalogue entry "${entry.id}"${entry.note ? ` (${entry.note})` : ''}`;
  if (entry.handler === 'area') return { start: entry.start, handler: 'area', departmentMatter: false, entryId: entry.id, reason: `${why}: starts at the ${entry.start} of the case's area.` };
  if (entry.handler === 'lead-department') {
    const lead = category ? tree.leadDepartmentOf(category) : null;
    // validateCatalogue refuses lead-department entries for categories without one; an unchecked catalogue falls back to the area.
    if (!lead) return { start: 'district', handler: 'area', departmentMatter: false, entryId: entry.id, reason: `${why}: the category has no lead department, so the district centre takes it.` };
    return { start: 'district', handler: { unitCode: lead }, departmentMatter: false, entryId: entry.id, reason: `${why}: the lead department ${lead} takes it at the district.` };
  }
  return { start: entry.start, handler: { unitCode: entry.handler.unitCode }, departmentMatter: false, entryId: entry.id, reason: `${why}: unit ${entry.handler.unitCode} takes it at the ${entry.start}.` };
}

/** The matching entry of the highest rank; validateCatalogue makes ranks unique among matches. */
function mostSpecific(catalogue: readonly DispatchEntry[], facts: DispatchFacts, category: DispatchCategory | undefined): DispatchEntry | undefined {
  let best: { entry: DispatchEntry; rank: number } | undefined;
  for (const entry of catalogue) {
    const rank = dispatchSpecificity(entry, facts, category);
    if (rank !== undefined && (!best || rank > best.rank)) best = { entry, rank };
  }
  return best?.entry;
}

/** Category outranks area outranks size: sub-item 2, class 1, `*` 0, then one bit each for a named area and size. */
export function dispatchSpecificity(entry: DispatchEntry, facts: Pick<DispatchFacts, 'townCode' | 'size'>, category: DispatchCategory | undefined): number | undefined {
  let c: number;
  if (entry.category === DISPATCH_ANY) c = 0;
  else if (category && entry.category === category.code) c = category.parentCode ? 2 : 1;
  else if (category?.parentCode && entry.category === category.parentCode) c = 1;
  else return undefined;
  if (entry.area !== DISPATCH_ANY && entry.area !== facts.townCode) return undefined;
  if (entry.size !== DISPATCH_ANY && entry.size !== facts.size) return undefined;
  return c * 4 + (entry.area !== DISPATCH_ANY ? 2 : 0) + (entry.size !== DISPATCH_ANY ? 1 : 0);
}
