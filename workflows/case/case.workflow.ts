import { condition, proxyActivities, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { TASK_QUEUES } from '../task-queues';
import type { DepartmentsActivities } from './case.activities';
import { CaseState, CaseWorkflowInput, caseStateQuery } from './case.messages';
import { CaseAttr } from './case.search-attributes';

const departments = proxyActivities<DepartmentsActivities>({
  taskQueue: TASK_QUEUES.departments,
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['DomainError'] },
});

/**
 * One per case (id `case-<number>`): assigns the case to the unit triage chose. The escalation
 * ladder (timers, sign, reply, rating) grows from here.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseState> {
  const state: CaseState = {
    caseNumber: input.caseNumber,
    status: 'registered',
    level: input.level,
    unit: input.unit,
    levels: [],
  };
  setHandler(caseStateQuery, () => state);

  const { workOrderId, assignedAt } = await departments.assignCase({
    caseNumber: input.caseNumber,
    level: input.level,
    unitCode: input.unit.code,
    unitName: input.unit.name,
    title: input.title,
    correlationId: input.correlationId,
  });
  state.status = 'assigned';
  state.levels.push({ level: input.level, unitCode: input.unit.code, unitName: input.unit.name, workOrderId, enteredAt: assignedAt });
  upsertSearchAttributes([
    { key: CaseAttr.CaseStatus, value: state.status },
    { key: CaseAttr.HandlingUnit, value: input.unit.code },
  ]);

  // The case stays open until it is closed or withdrawn (handled by the ladder's Updates).
  await condition(() => state.status === 'closed' || state.status === 'withdrawn');
  return state;
}
