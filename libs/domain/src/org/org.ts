import type { Ring } from '../geo';
import type { Role } from '../roles';

/**
 * The administrative tree a request climbs (DOMAIN.md "escalation ladder"):
 * district → town (镇 or 街道) → village (村 or 社区) → grid. Every grid is also a unit: the grid
 * worker's post, so work orders can be addressed to it. Departments (区直部门) hang off the district.
 */
export type OrgUnitKind = 'district' | 'town' | 'village' | 'grid' | 'department';

export type OrgUnit = { code: string; name: string; kind: OrgUnitKind; parentCode?: string };

/** A grid on the map: base grids tile the district, special grids (专属网格) lie over them. */
export type GridDef = {
  code: string;
  name: string;
  kind: 'base' | 'special';
  villageCode: string;
  townCode: string;
  boundary: Ring;
};

/**
 * Category tree node (10 classes / 22 sub-items in Dezhou); each class has a lead department.
 * A department matter (职能部门事项, e.g. 食品安全) goes to its lead department at the district and
 * is never pushed down to the grassroots.
 */
export type CategoryDef = { code: string; name: string; parentCode?: string; leadDepartmentCode?: string; departmentMatter?: boolean };

export type UserDef = { login: string; name: string; roles: Role[]; unitCode: string };

export type DemoDistrict = {
  district: OrgUnit;
  towns: OrgUnit[];
  villages: OrgUnit[];
  grids: GridDef[];
  departments: OrgUnit[];
  categories: CategoryDef[];
  users: UserDef[];
};

/** The org unit standing for a grid (the grid worker's post), parented by its village. */
export const gridUnit = (g: GridDef): OrgUnit => ({
  code: g.code,
  name: g.name,
  kind: 'grid',
  parentCode: g.villageCode,
});

/** Every unit of a district, grids included, parents before children. */
export const allUnits = (d: DemoDistrict): OrgUnit[] => [
  d.district,
  ...d.towns,
  ...d.villages,
  ...d.grids.map(gridUnit),
  ...d.departments,
];
