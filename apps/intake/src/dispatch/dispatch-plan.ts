import { DispatchDecision, Level, SizeClass, UnitChain, UnitRef, levelWithUnit } from '@fq/domain';
import type { Placement } from '../org/grid-locator';

export interface DispatchRequest {
  categoryCode: string | null;
  size: SizeClass;
  placement: Placement;
}

/** Where a new case starts and who takes it; escalation climbs `chain` from there. */
export interface DispatchPlan {
  level: Level;
  unit: UnitRef;
  /** Always the placement's chain: the district centre sits above a department, so a department's case escalates to the joint conference. */
  chain: UnitChain;
  departmentMatter: boolean;
  entryId: string | null;
  reason: string;
}

/**
 * Turns the domain's decision into a unit: 'area' is whoever holds the start level in the
 * placement's chain (climbing when the level has no unit there); a named unit (a lead
 * department, or one the catalogue names) takes it at the start level.
 */
export function dispatchPlanOf(decision: DispatchDecision, placement: Placement, handlerUnit: UnitRef | undefined): DispatchPlan {
  const common = { chain: placement.chain, departmentMatter: decision.departmentMatter, entryId: decision.entryId, reason: decision.reason };
  if (decision.handler === 'area' || !handlerUnit) return { ...levelWithUnit(decision.start, placement.chain), ...common };
  return { level: decision.start, unit: handlerUnit, ...common };
}
