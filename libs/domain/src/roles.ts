/** Who uses the system (DOMAIN.md "Who uses it"). */
export const ROLES = [
  'resident',
  'operator',
  'grid_worker',
  'village_staff',
  'town_centre',
  'district_centre',
  'department_staff',
  'department_head',
  'mediator',
  'lawyer',
  'supervisor',
  'leader',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that see every unit's cases and work orders, not only their own unit's. */
export const DISTRICT_WIDE_ROLES: readonly Role[] = ['district_centre', 'supervisor', 'leader', 'admin'];
