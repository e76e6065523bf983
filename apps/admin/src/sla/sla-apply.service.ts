import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { caseTypeOf, conflict, deadlinesUnder, matchRule, toPolicy } from '@fq/domain';
import { TemporalClient } from '@fq/temporal';
import { CaseState, applyPolicySignal, caseStateQuery } from '@fq/workflows';
import { DataSource } from 'typeorm';
import { audit } from '../audit/audit';
import { CalendarService } from '../calendar/calendar.service';
import { SlaService } from './sla.service';

export interface DeadlineMove {
  caseNumber: string;
  level: string;
  unitCode: string;
  from: { ruleSetId: string | null; version: number | null; resolveBy: string };
  to: { ruleSetId: string; version: number; ruleId: string; resolveBy: string };
  /** How far the deadline moves (ms; negative: earlier). Time already spent at the level is kept. */
  shiftMs: number;
}

/** Running cases whose clock a rule set would change: being handled at some level, not yet replied. */
const RUNNING = `WorkflowType = 'caseWorkflow' AND ExecutionStatus = 'Running' AND CaseStatus IN ('assigned', 'signed')`;

/**
 * Applying a new rule-set version to running cases is a deliberate act: preview shows which cases
 * change and how their deadlines move; apply signals exactly those workflows and is audited.
 */
@Injectable()
export class SlaApplyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly sla: SlaService,
    private readonly calendar: CalendarService,
    private readonly temporal: TemporalClient,
  ) {}

  async preview(ruleSetId: string): Promise<{ ruleSetId: string; version: number; cases: DeadlineMove[]; unmatched: string[] }> {
    const { moves, unmatched, set } = await this.plan(ruleSetId);
    return { ruleSetId, version: set.version, cases: moves.map((m) => m.move), unmatched };
  }

  async apply(ruleSetId: string, by: Principal): Promise<{ ruleSetId: string; version: number; applied: DeadlineMove[] }> {
    const { moves, set } = await this.plan(ruleSetId);
    for (const { move, policy } of moves) {
      await this.temporal.onCase(move.caseNumber, (h) => h.signal(applyPolicySignal, { policy, appliedBy: by.login }));
    }
    await this.ds.transaction((m) => audit(m, by, 'sla.rule-set.applied', ruleSetId, { version: set.version, cases: moves.map((x) => x.move) }));
    return { ruleSetId, version: set.version, applied: moves.map((m) => m.move) };
  }

  private async plan(ruleSetId: string) {
    const set = await this.sla.get(ruleSetId);
    if (set.status === 'draft') throw conflict('SLA_RULE_SET_NOT_ACTIVE', `Rule set ${set.name} v${set.version} is a draft; activate it before applying it to running cases.`);
    const year = new Date().getUTCFullYear();
    const calendar = await this.calendar.snapshot(year, year + 1);
    const moves = [];
    const unmatched: string[] = [];
    for await (const wf of this.temporal.client.workflow.list({ query: RUNNING })) {
      const state: CaseState = await this.temporal.client.workflow.getHandle(wf.workflowId).query(caseStateQuery);
      if (!state.facts || (state.policy?.ruleSetId === set.id && state.policy.version === set.version)) continue;
      const rule = matchRule(set.rules, { caseType: caseTypeOf(state.facts.channel), categoryCode: state.facts.categoryCode, urgency: state.facts.urgency });
      if (!rule) {
        unmatched.push(state.caseNumber);
        continue;
      }
      const policy = toPolicy(set, rule, calendar);
      const entry = state.levels[state.levels.length - 1];
      const next = deadlinesUnder(state, policy);
      const move: DeadlineMove = {
        caseNumber: state.caseNumber,
        level: state.level,
        unitCode: state.unit.code,
        from: { ruleSetId: state.policy?.ruleSetId ?? null, version: state.policy?.version ?? null, resolveBy: entry.resolveBy },
        to: { ruleSetId: set.id, version: set.version, ruleId: rule.id, resolveBy: next.resolveBy },
        shiftMs: Date.parse(next.resolveBy) - Date.parse(entry.resolveBy),
      };
      moves.push({ move, policy });
    }
    return { set, moves, unmatched };
  }
}
