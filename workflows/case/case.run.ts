import { ParentClosePolicy, proxyActivities, startChild, upsertSearchAttributes, type RetryPolicy } from '@temporalio/workflow';
import { addTime, deadline, elapsed, escalationTarget, type Level, type LevelLimits, type SlaPolicy, type UnitChain, type UnitRef } from '@fq/domain';
import { TASK_QUEUES } from '../task-queues';
import type { ConferenceResult } from '../conference/conference.messages';
import { conferenceWorkflowId } from '../conference/conference.messages';
import { jointConferenceWorkflow } from '../conference/conference.workflow';
import type { AdminActivities, CaseProgress, CaseProgressKind, DepartmentsActivities, IntakeActivities, WorkOrderOutcome } from './case.activities';
import type { CaseState, CaseWorkflowInput, ConveneInput, LevelEntry, LevelOutcome } from './case.messages';
import { deadlinesUnder, limitsAt } from './case.deadlines';
import { CaseAttr } from './case.search-attributes';

const retry: RetryPolicy = { initialInterval: '1 second', maximumInterval: '1 minute', nonRetryableErrorTypes: ['DomainError'] };
const departments = proxyActivities<DepartmentsActivities>({ taskQueue: TASK_QUEUES.departments, startToCloseTimeout: '30 seconds', retry });
const intake = proxyActivities<IntakeActivities>({ taskQueue: TASK_QUEUES.intake, startToCloseTimeout: '30 seconds', retry });
export const admin = proxyActivities<AdminActivities>({ taskQueue: TASK_QUEUES.admin, startToCloseTimeout: '30 seconds', retry });


const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string | undefined) => (s ? Date.parse(s) : Infinity);

/**
 * One case's run on the ladder: entering levels, its deadlines and their timers, and the
 * transitions human actions cause. The workflow function drives it; everything here runs on
 * workflow time and is deterministic.
 */
export class CaseRun {
  conference?: { round: number; result?: ConferenceResult };

  constructor(
    readonly input: CaseWorkflowInput,
    readonly state: CaseState,
    public policy: SlaPolicy,
    readonly chain: UnitChain,
  ) {}

  get entry(): LevelEntry {
    return this.state.levels[this.state.levels.length - 1];
  }

  limits(level: Level = this.state.level): LevelLimits {
    return limitsAt(this.policy, level);
  }

  ended(): boolean {
    return this.state.status === 'closed' || this.state.status === 'withdrawn';
  }

  /** Puts the case at a level with a unit: a work order, fresh deadlines from now. */
  async enterLevel(level: Level, unit: UnitRef, designated = false): Promise<void> {
    const round = this.state.levels.filter((l) => l.level === level).length + 1;
    const now = Date.now();
    const lim = this.limits(level);
    const cal = this.policy.calendar;
    const signBy = lim.signWithin ? deadline(new Date(now), lim.signWithin, lim.basis, cal).toISOString() : undefined;
    const resolveBy = deadline(new Date(now), lim.resolveWithin, lim.basis, cal).toISOString();
    const { workOrderId } = await departments.assignCase({
      caseNumber: this.state.caseNumber,
      level,
      round,
      unitCode: unit.code,
      unitName: unit.name,
      title: this.input.title,
      correlationId: this.input.correlationId,
      signBy: signBy ?? null,
      resolveBy,
    });
    if (level !== this.state.level) this.state.reopensAtLevel = 0;
    this.state.levels.push({ level, unitCode: unit.code, unitName: unit.name, workOrderId, enteredAt: iso(now), ...(signBy ? { signBy } : {}), resolveBy, designated });
    Object.assign(this.state, { level, unit, status: 'assigned', overdue: false, warned: [] });
    this.syncSearchAttributes();
  }

  /** The next instant a timer matters, or undefined when the case only waits for people. */
  nextDue(): number | undefined {
    const s = this.state;
    if (s.status === 'replied') return at(s.reply?.rateBy);
    if (s.status !== 'assigned' && s.status !== 'signed') return undefined;
    const candidates = [this.warnings().find((w) => !s.warned.includes(w.fraction))?.at ?? Infinity];
    if (s.status === 'assigned' && !this.entry.signBreached) candidates.push(at(this.entry.signBy));
    if (!s.overdue) candidates.push(at(this.entry.resolveBy));
    const next = Math.min(...candidates);
    return Number.isFinite(next) ? next : undefined;
  }

  /** The warning instants of the current level: fractions of its whole resolve window. */
  warnings(): { fraction: number; at: number }[] {
    const lim = this.limits();
    const start = new Date(at(this.entry.enteredAt));
    const window = elapsed(start, new Date(at(this.entry.resolveBy)), lim.basis, this.policy.calendar);
    return lim.warnAt.map((fraction) => ({ fraction, at: addTime(start, Math.round(window * fraction), lim.basis, this.policy.calendar).getTime() }));
  }

  /** Acts on whatever timers are due now: late rating, warnings, sign and resolve breaches. */
  async handleDue(): Promise<void> {
    const s = this.state;
    const now = Date.now();
    if (s.status === 'replied') {
      if (now >= at(s.reply?.rateBy)) {
        s.status = 'callback';
        await this.progress('callback-due', { rateBy: s.reply?.rateBy });
      }
      return;
    }
    for (const w of this.warnings()) {
      if (w.at <= now && !s.warned.includes(w.fraction) && !s.overdue) {
        s.warned.push(w.fraction);
        await this.progress('sla-warning', { threshold: w.fraction });
      }
    }
    const lim = this.limits();
    if (s.status === 'assigned' && !this.entry.signBreached && now >= at(this.entry.signBy)) {
      this.entry.signBreached = true;
      await this.breach('sign', lim);
      if (lim.escalateOnBreach) return this.escalate('breached', 'not signed in time');
    }
    if (!s.overdue && (s.status === 'assigned' || s.status === 'signed') && now >= at(this.entry.resolveBy)) {
      await this.breach('resolve', lim);
      if (lim.escalateOnBreach && escalationTarget(s.level, this.chain)) return this.escalate('breached', 'not resolved in time');
      s.overdue = true;
      this.syncSearchAttributes();
    }
  }

  private async breach(kind: 'sign' | 'resolve', lim: LevelLimits): Promise<void> {
    const deadlineAt = kind === 'sign' ? this.entry.signBy : this.entry.resolveBy;
    await this.progress('sla-breached', { kind, deadline: deadlineAt, points: lim.breachPoints }, true);
  }

  /** Moves the case one level up (or flags it overdue at the top). */
  async escalate(outcome: LevelOutcome, reason: string): Promise<void> {
    const target = escalationTarget(this.state.level, this.chain);
    if (!target) {
      this.state.overdue = true;
      this.syncSearchAttributes();
      return;
    }
    await this.leaveLevel(outcome, 'escalated', reason);
    const from = this.state.level;
    await this.enterLevel(target.level, target.unit);
    await this.progress('escalated', { from, to: target.level, cause: outcome, reason });
  }

  /** Closes the current level's work order and records how the level ended. */
  async leaveLevel(outcome: LevelOutcome, workOrder: WorkOrderOutcome, reason?: string): Promise<void> {
    Object.assign(this.entry, { leftAt: iso(Date.now()), outcome, ...(reason ? { reason } : {}) });
    if (this.entry.workOrderId) await departments.updateWorkOrder({ workOrderId: this.entry.workOrderId, outcome: workOrder });
  }

  /** Starts the joint conference as a child; its result arrives through `conference.result`. */
  async convene(i: ConveneInput): Promise<void> {
    const round = this.state.levels.filter((l) => l.level === 'conference').length;
    this.conference = { round };
    const lim = this.limits('conference');
    const child = await startChild(jointConferenceWorkflow, {
      workflowId: conferenceWorkflowId(this.state.caseNumber, round),
      taskQueue: TASK_QUEUES.cases,
      parentClosePolicy: ParentClosePolicy.TERMINATE,
      args: [{ caseNumber: this.state.caseNumber, convener: this.state.unit, departments: i.departments, reportWithin: i.reportWithin ?? lim.signWithin ?? { amount: 3, unit: 'days' }, decideWithin: lim.resolveWithin }],
    });
    void child.result().then((result) => {
      if (this.conference?.round === round) this.conference.result = result;
    });
  }

  /** Re-reads the current level's deadlines under a new policy, from the level's start: time spent is kept. */
  reapplyDeadlines(): void {
    const { signBy, resolveBy } = deadlinesUnder(this.state, this.policy);
    this.entry.resolveBy = resolveBy;
    this.entry.signBy = signBy;
    this.state.overdue = false;
    this.syncSearchAttributes();
  }

  /** Tells intake what happened; the id makes the record idempotent across activity retries. */
  async progress(kind: CaseProgressKind, details: Record<string, unknown>, overdue = this.state.overdue): Promise<void> {
    const s = this.state;
    const p: CaseProgress = {
      id: `${s.caseNumber}:${++s.progressSeq}`,
      caseNumber: s.caseNumber,
      correlationId: this.input.correlationId,
      kind,
      at: iso(Date.now()),
      level: s.level,
      unitCode: s.unit.code,
      unitName: s.unit.name,
      resolveBy: s.status === 'closed' || s.status === 'withdrawn' ? null : (this.entry?.resolveBy ?? null),
      overdue,
      details: { status: s.status, ...details },
    };
    await intake.recordProgress(p);
  }

  syncSearchAttributes(): void {
    const s = this.state;
    upsertSearchAttributes([
      { key: CaseAttr.CaseLevel, value: s.level },
      { key: CaseAttr.CaseStatus, value: s.status },
      { key: CaseAttr.HandlingUnit, value: s.unit.code },
      { key: CaseAttr.Overdue, value: s.overdue },
      { key: CaseAttr.ReopenCount, value: s.reopenCount },
      { key: CaseAttr.SlaDeadline, value: this.entry && !this.ended() ? new Date(at(this.entry.resolveBy)) : null },
    ]);
  }
}
