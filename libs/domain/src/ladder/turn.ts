import type { Level } from '../case';
import type { LevelLimits, SlaPolicy } from '../sla/policy';
import { escalationTarget, type UnitRef } from './chain';
import type { LadderContext } from './check';
import type { Effect, ProgressKind, WorkOrderOutcome } from './effects';
import { deadlinesFrom, limitsAt } from './limits';
import { currentEntry, isEnded, type CaseState, type LevelEntry, type LevelOutcome } from './state';

/**
 * One decision in the making: a copy of the state that the steps below change, and the effects
 * they ask for, in the order the workflow must carry them out. Every step reads the same `now`.
 */
export class Turn {
  readonly effects: Effect[] = [];
  readonly at: string;

  constructor(
    readonly s: CaseState,
    readonly ctx: LadderContext,
    public policy: SlaPolicy | undefined,
    readonly now: Date,
  ) {
    this.at = now.toISOString();
  }

  get entry(): LevelEntry {
    return currentEntry(this.s) as LevelEntry;
  }

  /** The policy in force; every step that reads limits runs only once there is one. */
  get rules(): SlaPolicy {
    if (!this.policy) throw new Error(`case ${this.s.caseNumber} has no SLA policy yet`);
    return this.policy;
  }

  limits(level: Level = this.s.level): LevelLimits {
    return limitsAt(this.rules, level);
  }

  /** Puts the case at a level with a unit: a work order, fresh deadlines from now. */
  enterLevel(level: Level, unit: UnitRef, designated = false): void {
    const s = this.s;
    const round = s.levels.filter((l) => l.level === level).length + 1;
    const { signBy, resolveBy } = deadlinesFrom(this.now, this.limits(level), this.rules);
    this.effects.push({ kind: 'assign', entry: s.levels.length, level, round, unit, signBy, resolveBy });
    if (level !== s.level) s.reopensAtLevel = 0;
    s.levels.push({ level, unitCode: unit.code, unitName: unit.name, enteredAt: this.at, ...(signBy ? { signBy } : {}), resolveBy, designated });
    Object.assign(s, { level, unit, status: 'assigned', overdue: false, warned: [] });
    this.sync();
  }

  /**
   * Records how the level ended and closes its work order. What belonged to the level ends with
   * it: an undecided extension request lapses, a running conference is called off.
   */
  leaveLevel(outcome: LevelOutcome, workOrder: WorkOrderOutcome, reason?: string): void {
    Object.assign(this.entry, { leftAt: this.at, outcome, ...(reason ? { reason } : {}) });
    this.lapsePendingExtension();
    if (this.s.conference) {
      this.effects.push({ kind: 'cancelConference', round: this.s.conference.round });
      this.s.conference = undefined;
    }
    if (this.entry.workOrderId) this.effects.push({ kind: 'updateWorkOrder', workOrderId: this.entry.workOrderId, outcome: workOrder });
  }

  lapsePendingExtension(): void {
    for (const e of this.s.extensions) if (!e.decision) e.decision = 'lapsed';
  }

  /**
   * Moves the case one level up (or flags it overdue at the top). A returned level keeps its
   * outcome and work order as they are; a replied one rated unsatisfied ends as escalated.
   */
  escalate(outcome: LevelOutcome, reason: string): void {
    const target = escalationTarget(this.s.level, this.ctx.chain);
    if (!target) {
      this.s.overdue = true;
      this.sync();
      return;
    }
    if (this.entry.outcome !== 'returned') this.leaveLevel(outcome, 'escalated', reason);
    const from = this.s.level;
    this.enterLevel(target.level, target.unit);
    this.progress('escalated', { from, to: target.level, cause: outcome, reason });
  }

  /** Tells intake what happened; the id makes the record idempotent across activity retries. */
  progress(kind: ProgressKind, details: Record<string, unknown>, overdue = this.s.overdue): void {
    const s = this.s;
    const entry = currentEntry(s);
    this.effects.push({
      kind: 'progress',
      record: {
        id: `${s.caseNumber}:${++s.progressSeq}`,
        caseNumber: s.caseNumber,
        kind,
        at: this.at,
        level: s.level,
        unitCode: s.unit.code,
        unitName: s.unit.name,
        resolveBy: isEnded(s) ? null : (entry?.resolveBy ?? null),
        overdue,
        details: { status: s.status, ...details },
      },
    });
  }

  /** Keeps the case's search attributes current, so operators can filter in the Temporal UI. */
  sync(): void {
    const s = this.s;
    const entry = currentEntry(s);
    this.effects.push({
      kind: 'searchAttributes',
      attrs: { CaseLevel: s.level, CaseStatus: s.status, HandlingUnit: s.unit.code, Overdue: s.overdue, ReopenCount: s.reopenCount, SlaDeadline: entry && !isEnded(s) ? entry.resolveBy : null },
    });
  }
}
