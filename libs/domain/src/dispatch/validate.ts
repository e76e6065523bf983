import { invalid } from '../errors';
import { SIZE_CLASSES } from '../intake';
import type { OrgUnitKind } from '../org';
import { DISPATCH_ANY, CategoryTree, DISPATCH_START_LEVELS, DispatchCategory, DispatchEntry, DispatchStart, DispatchUnit } from './catalogue';

export type CatalogueProblemCode =
  | 'DISPATCH_ENTRY_INVALID'
  | 'DISPATCH_ENTRY_DUPLICATE_ID'
  | 'DISPATCH_ENTRY_OVERLAP'
  | 'DISPATCH_UNKNOWN_CATEGORY'
  | 'DISPATCH_UNKNOWN_AREA'
  | 'DISPATCH_UNKNOWN_UNIT'
  | 'DISPATCH_HANDLER_LEVEL_MISMATCH'
  | 'DISPATCH_DEPARTMENT_MATTER_PUSHED_DOWN'
  | 'DISPATCH_DEPARTMENT_MATTER_REROUTED';

export interface CatalogueProblem {
  code: CatalogueProblemCode;
  message: string;
  entryIds: string[];
}

/** The tree a catalogue is checked against: every category (active or not) and every unit. */
export interface CatalogueContext {
  categories: readonly DispatchCategory[];
  units: readonly DispatchUnit[];
}

/** The start level a unit of each kind holds. */
const LEVEL_OF_KIND: Record<OrgUnitKind, DispatchStart> = { grid: 'grid', village: 'village', town: 'town', district: 'district', department: 'district' };

/** Everything wrong with a catalogue, in entry order; an empty catalogue is valid (the 大中小 rule decides alone). */
export function catalogueProblems(entries: readonly DispatchEntry[], ctx: CatalogueContext): CatalogueProblem[] {
  const tree = new CategoryTree(ctx.categories);
  const units = new Map(ctx.units.map((u) => [u.code, u]));
  const problems: CatalogueProblem[] = [];
  const add = (code: CatalogueProblemCode, e: DispatchEntry, message: string, others: string[] = []) => problems.push({ code, message: `Entry "${e.id}": ${message}.`, entryIds: [e.id, ...others] });
  const ids = new Set<string>();
  const keys = new Map<string, string>();

  for (const e of entries) {
    if (ids.has(e.id)) add('DISPATCH_ENTRY_DUPLICATE_ID', e, 'another entry has this id; ids must be unique');
    ids.add(e.id);
    const shape = shapeProblems(e);
    for (const p of shape) add('DISPATCH_ENTRY_INVALID', e, p);
    if (shape.length) continue;

    const key = `${e.category}|${e.area}|${e.size}`;
    const twin = keys.get(key);
    if (twin !== undefined) add('DISPATCH_ENTRY_OVERLAP', e, `entry "${twin}" already covers category ${e.category}, area ${e.area}, size ${e.size}; neither would be more specific`, [twin]);
    else keys.set(key, e.id);

    const category = e.category === DISPATCH_ANY ? undefined : tree.get(e.category);
    if (e.category !== DISPATCH_ANY && !category) add('DISPATCH_UNKNOWN_CATEGORY', e, `there is no category "${e.category}"`);
    if (e.area !== DISPATCH_ANY && units.get(e.area)?.kind !== 'town') add('DISPATCH_UNKNOWN_AREA', e, `area "${e.area}" is not a town or street (use a town code or "*")`);

    if (typeof e.handler === 'object') {
      const unit = units.get(e.handler.unitCode);
      if (!unit) add('DISPATCH_UNKNOWN_UNIT', e, `there is no unit "${e.handler.unitCode}"`);
      else if (LEVEL_OF_KIND[unit.kind] !== e.start) add('DISPATCH_HANDLER_LEVEL_MISMATCH', e, `unit ${unit.code} is a ${unit.kind}, which holds the ${LEVEL_OF_KIND[unit.kind]} level, not the ${e.start}`);
    } else if (e.handler === 'lead-department') {
      if (e.start !== 'district') add('DISPATCH_HANDLER_LEVEL_MISMATCH', e, `a lead department works at the district, not the ${e.start}`);
      if (e.category === DISPATCH_ANY) add('DISPATCH_ENTRY_INVALID', e, 'a lead-department entry must name a category');
      else if (category && !tree.leadDepartmentOf(category)) add('DISPATCH_ENTRY_INVALID', e, `category ${tree.label(category)} has no lead department`);
    }

    if (category && tree.isDepartmentMatter(category)) {
      const lead = tree.leadDepartmentOf(category);
      const matter = `${tree.label(category)} is a functional department's matter`;
      if (e.start !== 'district') add('DISPATCH_DEPARTMENT_MATTER_PUSHED_DOWN', e, `${matter}: it is handled at the district by its lead department and never pushed down to the ${e.start}`);
      else if (!(e.handler === 'lead-department' || (typeof e.handler === 'object' && e.handler.unitCode === lead))) {
        add('DISPATCH_DEPARTMENT_MATTER_REROUTED', e, `${matter}: it always goes to its lead department${lead ? ` ${lead}` : ''}, so this entry would never apply`);
      }
    }
  }
  return problems;
}

/** Throws `invalid(<first problem's code>)` with every problem in its message and details. */
export function validateCatalogue<T extends readonly DispatchEntry[]>(entries: T, ctx: CatalogueContext): T {
  const problems = catalogueProblems(entries, ctx);
  if (problems.length) throw invalid(problems[0].code, problems.map((p) => p.message).join(' '), { problems });
  return entries;
}

/** What a schema at the edge would catch too; checked again so the domain never trusts its caller. */
function shapeProblems(e: DispatchEntry): string[] {
  const out: string[] = [];
  if (typeof e.id !== 'string' || !e.id.trim()) out.push('the id must not be empty');
  if (typeof e.category !== 'string' || !e.category.trim()) out.push('the category must be a code or "*"');
  if (typeof e.area !== 'string' || !e.area.trim()) out.push('the area must be a town code or "*"');
  if (e.size !== DISPATCH_ANY && !(SIZE_CLASSES as readonly string[]).includes(e.size)) out.push(`size "${String(e.size)}" is not one of ${SIZE_CLASSES.join(', ')} or "*"`);
  if (!(DISPATCH_START_LEVELS as readonly string[]).includes(e.start)) out.push(`start "${String(e.start)}" is not one of ${DISPATCH_START_LEVELS.join(', ')}`);
  const h = e.handler as unknown;
  const handlerOk = h === 'area' || h === 'lead-department' || (typeof h === 'object' && h !== null && typeof (h as { unitCode?: unknown }).unitCode === 'string');
  if (!handlerOk) out.push('the handler must be "area", "lead-department" or { unitCode }');
  return out;
}
