import { ActivityFailure, ApplicationFailure, CancellationScope, ParentClosePolicy, proxyActivities, startChild, upsertSearchAttributes, type RetryPolicy } from '@temporalio/workflow';
import type { CaseAttributes, ConferenceOutcome, Effect, SlaPolicy } from '@fq/domain';
import { TASK_QUEUES } from '../task-queues';
import { conferenceWorkflowId } from '../conference/conference.messages';
import { jointConferenceWorkflow } from '../conference/conference.workflow';
import type { AdminActivities, DepartmentsActivities, IntakeActivities, SlaFacts } from './case.activities';
import type { CaseWorkflowInput } from './case.messages';
import { CaseAttr } from './case.search-attributes';

const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['DomainError'] };
const departments = proxyActivities<DepartmentsActivities>({ taskQueue: TASK_QUEUES.departments, startToCloseTimeout: '30 seconds', retry });
const intake = proxyActivities<IntakeActivities>({ taskQueue: TASK_QUEUES.intake, startToCloseTimeout: '30 seconds', retry });
const admin = proxyActivities<AdminActivities>({ taskQueue: TASK_QUEUES.admin, startToCloseTimeout: '30 seconds', retry });

/** What the effects report back to the workflow: a work order's id, a conference's result. */
export interface EffectReplies {
  workOrder(entry: number, workOrderId: string): void;
  conferenceResult(round: number, result: ConferenceOutcome): void;
}

/**
 * Carries out a decision's effects, one after the other, in the order `decide` gave them: the
 * same activities, timers and commands in the same order as before the ladder became pure, so
 * recorded histories replay (ADR 0014).
 */
export class CaseEffects {
  private readonly conferences = new Map<number, CancellationScope>();

  constructor(
    private readonly input: CaseWorkflowInput,
    private readonly replies: EffectReplies,
  ) {}

  async run(effects: Effect[]): Promise<void> {
    for (const e of effects) await this.one(e);
  }

  private async one(e: Effect): Promise<void> {
    const { caseNumber, correlationId, title } = this.input;
    switch (e.kind) {
      case 'assign': {
        const { workOrderId } = await departments.assignCase({ caseNumber, level: e.level, round: e.round, unitCode: e.unit.code, unitName: e.unit.name, title, correlationId, signBy: e.signBy, resolveBy: e.resolveBy });
        return this.replies.workOrder(e.entry, workOrderId);
      }
      case 'updateWorkOrder':
        return departments.updateWorkOrder({ workOrderId: e.workOrderId, outcome: e.outcome });
      case 'progress':
        return intake.recordProgress({ ...e.record, correlationId });
      case 'searchAttributes':
        return upsert(e.attrs);
      case 'startConference': {
        const scope = new CancellationScope();
        const { round } = e;
        const args = { caseNumber, convener: e.convener, departments: e.departments, reportWithin: e.reportWithin, decideWithin: e.decideWithin };
        const child = await scope.run(() =>
          startChild(jointConferenceWorkflow, { workflowId: conferenceWorkflowId(caseNumber, round), taskQueue: TASK_QUEUES.cases, parentClosePolicy: ParentClosePolicy.TERMINATE, args: [args] }),
        );
        this.conferences.set(round, scope);
        // A conference called off ends cancelled: there is no result to hand on.
        void child.result().then(
          (result) => this.replies.conferenceResult(round, result),
          () => undefined,
        );
        return;
      }
      case 'cancelConference':
        this.conferences.get(e.round)?.cancel();
        this.conferences.delete(e.round);
        return;
    }
  }
}

function upsert(a: CaseAttributes): void {
  upsertSearchAttributes([
    { key: CaseAttr.CaseLevel, value: a.CaseLevel },
    { key: CaseAttr.CaseStatus, value: a.CaseStatus },
    { key: CaseAttr.HandlingUnit, value: a.HandlingUnit },
    { key: CaseAttr.Overdue, value: a.Overdue },
    { key: CaseAttr.ReopenCount, value: a.ReopenCount },
    { key: CaseAttr.SlaDeadline, value: a.SlaDeadline ? new Date(a.SlaDeadline) : null },
  ]);
}

/** The policy in force for the case, or why there is none (admin's SLA_POLICY_MISSING); other failures throw. */
export async function resolvePolicy(facts: SlaFacts): Promise<SlaPolicy | { missing: string }> {
  try {
    return await admin.resolveSlaPolicy(facts);
  } catch (e) {
    const cause = e instanceof ActivityFailure ? e.cause : undefined;
    const code = cause instanceof ApplicationFailure ? (cause.details?.[0] as { code?: string } | undefined)?.code : undefined;
    if (code === 'SLA_POLICY_MISSING') return { missing: (cause as ApplicationFailure).message };
    throw e;
  }
}
