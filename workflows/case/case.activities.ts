import type { Level } from '@fq/domain';

/** The contract of activities the case workflow calls on the departments queue (types only). */
export interface AssignCaseInput {
  caseNumber: string;
  level: Level;
  unitCode: string;
  unitName: string;
  title: string;
  correlationId: string;
}

export interface AssignCaseResult {
  workOrderId: string;
  assignedAt: string;
}

export interface DepartmentsActivities {
  /** Creates the work order for the unit (idempotent on case number + level) and publishes case.assigned. */
  assignCase(input: AssignCaseInput): Promise<AssignCaseResult>;
}
