import type { Channel, Level, ProgressKind, SlaPolicy, WorkOrderOutcome } from '@fq/domain';

/** The contracts of the activities the case workflow calls (types only: workflow code stays pure). */

export interface AssignCaseInput {
  caseNumber: string;
  level: Level;
  /** 1 for the first work order at a level; a reopened case or a re-routed one gets the next round. */
  round: number;
  unitCode: string;
  unitName: string;
  title: string;
  correlationId: string;
  /** The level's deadlines, so the unit sees them on its work order and intake on the case. */
  signBy?: string | null;
  resolveBy?: string | null;
}

export interface AssignCaseResult {
  workOrderId: string;
  assignedAt: string;
}

export type { WorkOrderOutcome } from '@fq/domain';

export interface DepartmentsActivities {
  /** Creates the work order for the unit (idempotent on case number + level + round) and publishes case.assigned. */
  assignCase(input: AssignCaseInput): Promise<AssignCaseResult>;
  /** Moves the work order on (idempotent: the same outcome twice is a no-op). */
  updateWorkOrder(input: { workOrderId: string; outcome: WorkOrderOutcome }): Promise<void>;
}

/** What happened to a case, recorded by intake on the case and announced as `case.*` / `sla.*` events. */
export type CaseProgressKind = ProgressKind;

export interface CaseProgress {
  /** Deterministic per case and step: intake applies each id once. */
  id: string;
  caseNumber: string;
  correlationId: string;
  kind: CaseProgressKind;
  at: string;
  level: Level;
  unitCode: string;
  unitName: string;
  /** The resolve deadline now in force, for the case view and the SlaDeadline search attribute. */
  resolveBy: string | null;
  overdue: boolean;
  details: Record<string, unknown>;
}

export interface IntakeActivities {
  recordProgress(progress: CaseProgress): Promise<void>;
}

export interface SlaFacts {
  caseNumber: string;
  channel: Channel;
  categoryCode: string | null;
  urgency: 'emergency' | 'urgent' | 'normal' | 'complex';
  at: string;
}

export interface AdminActivities {
  /**
   * The rule in force for these facts, with a calendar snapshot for its working-day arithmetic.
   * Fails as a non-retryable business error with code SLA_POLICY_MISSING when no rule set is in
   * force or no rule matches: the case then waits, loudly (ADR 0015).
   */
  resolveSlaPolicy(facts: SlaFacts): Promise<SlaPolicy>;
}
