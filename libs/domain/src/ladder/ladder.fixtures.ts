import type { Level } from '../case';
import type { LevelLimits, SlaPolicy } from '../sla/policy';
import type { UnitChain, UnitRef } from './chain';
import { decide, type Decision } from './decide';
import { nextDue } from './due';
import type { Effect, ProgressRecord } from './effects';
import { openCase, type ActionInput, type CaseState, type LadderInput } from './state';
import { withWorkOrder } from './work-order';

/* For the ladder's specs: a case driven through `decide` on a clock of its own, as the workflow would. */

export const CHAIN: UnitChain = {
  grid: { code: 'G1', name: '第1网格' },
  village: { code: 'V1', name: '承水社区' },
  town: { code: 'T1', name: '坛山街道' },
  district: { code: 'D1', name: '峄城区' },
};

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

export const limits = (over: Partial<LevelLimits> = {}): LevelLimits => ({
  signWithin: null,
  resolveWithin: { amount: 1, unit: 'days' },
  basis: 'calendar',
  warnAt: [],
  escalateOnBreach: true,
  breachPoints: 2,
  maxExtension: { amount: 2, unit: 'days' },
  ...over,
});

/** The same limits at every level (leader never escalates on a breach), rating within 3 days. */
export function policy(level: Partial<LevelLimits> = {}, over: Partial<SlaPolicy> = {}): SlaPolicy {
  const l = limits(level);
  return {
    ruleSetId: 'rs-test',
    version: 1,
    ruleId: 'r1',
    name: 'test rule',
    levels: { grid: l, village: l, town: l, district: l, conference: l, leader: { ...l, escalateOnBreach: false } },
    ratingWithin: { amount: 3, unit: 'days' },
    reopenLimit: 1,
    calendar: { holidays: [], workdays: [] },
    ...over,
  };
}

export class Sim {
  state: CaseState;
  now: Date;
  readonly effects: Effect[] = [];

  constructor(
    public policy: SlaPolicy | undefined,
    start: { level?: Level; unit?: UnitRef; at?: string; chain?: UnitChain } = {},
    readonly chain: UnitChain = start.chain ?? CHAIN,
  ) {
    this.now = new Date(start.at ?? '2025-03-03T01:00:00Z');
    this.state = openCase({ caseNumber: 'C1', channel: 'hotline', categoryCode: null, level: start.level ?? 'grid', unit: start.unit ?? (CHAIN.grid as UnitRef) });
    if (policy) this.feed({ kind: 'start' });
  }

  /** One input at the current instant; work orders get ids `<level>#<round>`. */
  feed(input: LadderInput): Decision {
    const d = decide(this.state, input, { policy: this.policy, chain: this.chain }, this.now);
    this.state = d.state;
    this.policy = d.policy;
    for (const e of d.effects) if (e.kind === 'assign') this.state = withWorkOrder(this.state, e.entry, `${e.level}#${e.round}`);
    this.effects.push(...d.effects);
    return d;
  }

  act<K extends ActionInput['kind']>(kind: K, i: Extract<ActionInput, { kind: K }>['i']): Decision {
    return this.feed({ kind, i } as ActionInput);
  }

  /** Moves the clock on, acting on each limit that comes due on the way (as the workflow's timers do). */
  advance(ms: number): this {
    const until = this.now.getTime() + ms;
    for (let n = 0; ; n++) {
      if (n > 100) throw new Error(`timer storm: more than 100 dues before ${new Date(until).toISOString()}`);
      const due = this.policy && nextDue(this.state, this.policy);
      if (due === undefined || due > until) break;
      this.now = new Date(Math.max(due, this.now.getTime() + 1));
      this.feed({ kind: 'due' });
    }
    this.now = new Date(until);
    return this;
  }

  get progress(): ProgressRecord[] {
    return this.effects.flatMap((e) => (e.kind === 'progress' ? [e.record] : []));
  }

  /** Progress kinds, warnings and breaches with their level. */
  kinds(): string[] {
    return this.progress.map((p) => (p.kind === 'sla-breached' || p.kind === 'sla-warning' ? `${p.kind}@${p.level}` : p.kind));
  }

  /** Work orders as departments sees them: `assign grid#1 G1`, `replied grid#1`. */
  workOrders(): string[] {
    return this.effects.flatMap((e) => (e.kind === 'assign' ? [`assign ${e.level}#${e.round} ${e.unit.code}`] : e.kind === 'updateWorkOrder' ? [`${e.outcome} ${e.workOrderId}`] : []));
  }

  levels(): string[] {
    return this.state.levels.map((l) => `${l.level}:${l.outcome ?? 'open'}`);
  }
}
