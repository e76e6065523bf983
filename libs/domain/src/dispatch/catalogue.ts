import type { SizeClass } from '../intake';
import type { OrgUnitKind } from '../org';

/** The levels a case can start at; the conference and leader handling are only reached by escalation. */
export const DISPATCH_START_LEVELS = ['grid', 'village', 'town', 'district'] as const;
export type DispatchStart = (typeof DISPATCH_START_LEVELS)[number];

/**
 * Who takes the case at the start level: whoever holds that level in the case's area (its grid
 * post, village, town or the district centre), the category's lead department, or one named unit.
 */
export type DispatchHandler = 'area' | 'lead-department' | { unitCode: string };

/**
 * One line of the dispatch catalogue (派单目录): for a category (a class, a sub-item or `*`), an
 * area (a town code or `*`) and a size (大中小, or `*`), the level a case starts at and who takes it.
 */
export interface DispatchEntry {
  id: string;
  category: string;
  area: string;
  size: SizeClass | '*';
  start: DispatchStart;
  handler: DispatchHandler;
  note?: string;
}

/** What dispatch needs to know of a category (admin's rows and intake's copy both fit). */
export interface DispatchCategory {
  code: string;
  name?: string;
  parentCode?: string | null;
  leadDepartmentCode?: string | null;
  departmentMatter?: boolean;
}

/** What validation needs to know of a unit. */
export interface DispatchUnit {
  code: string;
  kind: OrgUnitKind;
}

export const DISPATCH_ANY = '*';

/** The categories by code, with the class of each sub-item and the rules every caller shares. */
export class CategoryTree {
  private readonly byCode: Map<string, DispatchCategory>;

  constructor(categories: readonly DispatchCategory[]) {
    this.byCode = new Map(categories.map((c) => [c.code, c]));
  }

  get(code: string): DispatchCategory | undefined {
    return this.byCode.get(code);
  }

  classOf(c: DispatchCategory): DispatchCategory | undefined {
    return c.parentCode ? this.byCode.get(c.parentCode) : undefined;
  }

  /** A sub-item is a department matter if it is flagged or its whole class is. */
  isDepartmentMatter(c: DispatchCategory): boolean {
    return !!c.departmentMatter || !!this.classOf(c)?.departmentMatter;
  }

  /** A sub-item without its own lead department has its class's. */
  leadDepartmentOf(c: DispatchCategory): string | null {
    return c.leadDepartmentCode ?? this.classOf(c)?.leadDepartmentCode ?? null;
  }

  label(c: DispatchCategory): string {
    return c.name ? `${c.code} ${c.name}` : c.code;
  }
}
