import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Duration, UnitRef } from '@fq/domain';

export interface ConferenceInput {
  caseNumber: string;
  convener: UnitRef;
  departments: UnitRef[];
  /** Each department's time to report (部门报到). */
  reportWithin: Duration;
  /** The convener's time to record a decision once everyone has reported. */
  decideWithin: Duration;
}

export interface DepartmentReport {
  unitCode: string;
  by: string;
  report: string;
  at: string;
}

export type ConferenceResult =
  | { outcome: 'decided'; decision: string; handlingUnits: UnitRef[]; reports: DepartmentReport[] }
  | { outcome: 'failed'; reason: 'reports-missing' | 'no-decision'; missing: string[]; reports: DepartmentReport[] };

export interface ConferenceState {
  input: ConferenceInput;
  reports: DepartmentReport[];
  reportBy: string;
  decideBy?: string;
  result?: ConferenceResult;
}

export interface ReportInput {
  unitCode: string;
  by: string;
  report: string;
}

export interface DecideInput {
  by: string;
  decision: string;
  /** The units that will handle the case; the first leads (主办), the others assist (协办). */
  handlingUnits: UnitRef[];
}

export const reportUpdate = defineUpdate<ConferenceState, [ReportInput]>('report');
export const decideUpdate = defineUpdate<ConferenceState, [DecideInput]>('decide');
export const conferenceStateQuery = defineQuery<ConferenceState>('conferenceState');

export const conferenceWorkflowId = (caseNumber: string, round: number) => `case-${caseNumber}-conference-${round}`;
