import { DISTRICT_WIDE_ROLES } from '@fq/domain';
import { Principal } from './token';

/** Whether the caller may see a unit's work: district-wide roles see all, others their own unit. */
export function canSeeUnit(p: Principal, unitCode: string): boolean {
  return p.roles.some((r) => DISTRICT_WIDE_ROLES.includes(r)) || p.unitCode === unitCode;
}
