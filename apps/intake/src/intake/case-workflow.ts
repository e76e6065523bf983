import { caseWorkflowId } from '@fq/domain';
import { enqueue } from '@fq/events';
import { StartWorkflowCommand } from '@fq/temporal';
import { CaseWorkflowInput, TASK_QUEUES } from '@fq/workflows';
import { EntityManager } from 'typeorm';
import type { CaseRecord } from '../shared/case.entity';
import type { DispatchPlan } from '../dispatch/dispatch-plan';

type Dispatched = Pick<CaseRecord, 'number' | 'channel' | 'title' | 'categoryCode' | 'urgency' | 'gridCode'>;

/** The command that starts a dispatched case's workflow (`case-<number>`) where its plan says, with its search attributes. */
export function caseWorkflowStart(c: Dispatched, plan: DispatchPlan, correlationId: string): StartWorkflowCommand {
  const input: CaseWorkflowInput = {
    caseNumber: c.number,
    channel: c.channel,
    title: c.title,
    categoryCode: c.categoryCode,
    urgency: c.urgency as CaseWorkflowInput['urgency'],
    gridCode: c.gridCode,
    level: plan.level,
    unit: plan.unit,
    chain: plan.chain,
    correlationId,
  };
  return {
    workflowId: caseWorkflowId(c.number),
    taskQueue: TASK_QUEUES.cases,
    args: [input],
    // A case has one workflow: a start delivered again after it finished is a no-op (ADR 0017).
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    searchAttributes: {
      CaseNumber: c.number,
      CaseLevel: plan.level,
      CaseStatus: 'registered',
      HandlingUnit: plan.unit.code,
      ...(c.gridCode ? { GridCode: c.gridCode } : {}),
      ...(c.categoryCode ? { CaseCategory: c.categoryCode } : {}),
    },
  };
}

/**
 * Puts the start command in the outbox, inside the caller's transaction: the relay starts the
 * workflow once it commits, after the case's earlier events (same key). A new dispatched case
 * and a cluster member separated from its lead start the same way.
 */
export async function startCaseWorkflow(m: EntityManager, c: Dispatched, plan: DispatchPlan, correlationId: string): Promise<void> {
  await enqueue(m, { destination: 'temporal', topic: 'caseWorkflow', key: c.number, payload: caseWorkflowStart(c, plan, correlationId) });
}
