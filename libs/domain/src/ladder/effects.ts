import type { Level } from '../case';
import type { Duration } from '../sla/policy';
import type { UnitRef } from './chain';

/** What happened to a case, recorded by intake on the case and announced as `case.*` / `sla.*` events. */
export type ProgressKind =
  | 'signed'
  | 'returned'
  | 'extension-requested'
  | 'extension-decided'
  | 'escalated'
  | 'replied'
  | 'rated'
  | 'callback-due'
  | 'reopened'
  | 'closed'
  | 'withdrawn'
  | 'supervised'
  | 'sla-changed'
  | 'sla-warning'
  | 'sla-breached'
  | 'sla-policy-missing'
  | 'conference-result-ignored';

/** A progress record as the ladder writes it; the workflow adds the correlation id. */
export interface ProgressRecord {
  /** Deterministic per case and step: intake applies each id once. */
  id: string;
  caseNumber: string;
  kind: ProgressKind;
  at: string;
  level: Level;
  unitCode: string;
  unitName: string;
  /** The resolve deadline now in force, for the case view and the SlaDeadline search attribute. */
  resolveBy: string | null;
  overdue: boolean;
  details: Record<string, unknown>;
}

export type WorkOrderOutcome = 'signed' | 'replied' | 'escalated' | 'returned' | 'withdrawn' | 'closed' | 'reopened';

/** The case's search attributes, as values (the workflow maps them to typed keys). */
export interface CaseAttributes {
  CaseLevel: Level;
  CaseStatus: string;
  HandlingUnit: string;
  Overdue: boolean;
  ReopenCount: number;
  SlaDeadline: string | null;
}

/**
 * What the workflow must do, in order, after a decision. `assign` answers with a work order id,
 * which the workflow writes into `state.levels[entry]` (`withWorkOrder`).
 */
export type Effect =
  | { kind: 'assign'; entry: number; level: Level; round: number; unit: UnitRef; signBy: string | null; resolveBy: string }
  | { kind: 'updateWorkOrder'; workOrderId: string; outcome: WorkOrderOutcome }
  | { kind: 'progress'; record: ProgressRecord }
  | { kind: 'searchAttributes'; attrs: CaseAttributes }
  | { kind: 'startConference'; round: number; convener: UnitRef; departments: UnitRef[]; reportWithin: Duration; decideWithin: Duration }
  | { kind: 'cancelConference'; round: number };
