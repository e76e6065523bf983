import { defineQuery } from '@temporalio/workflow';
import type { CaseStatus, Channel, Level } from '@fq/domain';

export interface CaseWorkflowInput {
  caseNumber: string;
  channel: Channel;
  title: string;
  categoryCode: string | null;
  gridCode: string | null;
  /** The starting level, decided by triage. */
  level: Level;
  unit: { code: string; name: string };
  correlationId: string;
}

export interface LevelEntry {
  level: Level;
  unitCode: string;
  unitName: string;
  workOrderId?: string;
  enteredAt: string;
}

export interface CaseState {
  caseNumber: string;
  status: CaseStatus;
  level: Level;
  unit: { code: string; name: string };
  levels: LevelEntry[];
}

export const caseStateQuery = defineQuery<CaseState>('caseState');
