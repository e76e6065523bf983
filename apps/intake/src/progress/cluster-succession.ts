import { Injectable } from '@nestjs/common';
import { publishEvent } from '@fq/events';
import { EntityManager } from 'typeorm';
import { DispatchPlanner } from '../dispatch/dispatch-planner';
import { startCaseWorkflow } from '../intake/case-workflow';
import { GridLocator } from '../org/grid-locator';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord, Separation } from '../shared/case.entity';

export const SUCCESSION_REASON = '原牵头诉求已由其诉求人撤回，本诉求接续办理';

/**
 * A lead withdrawn by its own requester does not withdraw the other people's requests merged
 * into it (ADR 0016): the earliest open member becomes the cluster's lead, planned from its own
 * category and place with a workflow of its own (as a separated request is), and the other open
 * members follow the new lead. Each requester's file notes the change.
 */
@Injectable()
export class ClusterSuccession {
  constructor(
    private readonly locator: GridLocator,
    private readonly planner: DispatchPlanner,
    private readonly residents: ResidentsService,
  ) {}

  async handOver(m: EntityManager, withdrawn: CaseRecord, at: Date): Promise<string | null> {
    const members = await m.find(CaseRecord, { where: { mergedInto: withdrawn.number, disposition: 'merged' }, order: { registeredAt: 'ASC' }, lock: { mode: 'pessimistic_write' } });
    const open = members.filter((c) => c.status !== 'closed' && c.status !== 'withdrawn');
    const [next, ...rest] = open;
    if (!next) return null;
    const placement = await this.locator.place(next.lat !== null && next.lng !== null ? { lat: next.lat, lng: next.lng } : null);
    const plan = await this.planner.plan({ categoryCode: next.categoryCode, size: next.sizeClass, placement });
    const separation: Separation = { leadCaseNumber: withdrawn.number, clusterId: withdrawn.clusterId as string, reason: SUCCESSION_REASON, by: 'intake', at: at.toISOString() };
    await m.update(
      CaseRecord,
      { number: next.number },
      {
        disposition: 'dispatched',
        mergedInto: null,
        separation,
        status: 'registered',
        level: plan.level,
        unitCode: plan.unit.code,
        unitName: plan.unit.name,
        departmentMatter: plan.departmentMatter,
        workOrderId: null,
        assignedAt: null,
        resolveBy: null,
        overdue: false,
        updatedAt: at,
        triage: { ...next.triage, dispatch: { entryId: plan.entryId, reason: plan.reason } },
      },
    );
    await m.query(`UPDATE intake.clusters SET lead_case_number = $1 WHERE id = $2`, [next.number, withdrawn.clusterId]);
    for (const c of rest) {
      await m.update(CaseRecord, { number: c.number }, { mergedInto: next.number, status: 'registered', level: plan.level, unitCode: plan.unit.code, unitName: plan.unit.name, assignedAt: null, resolveBy: null, overdue: false, updatedAt: at });
    }
    for (const c of open) {
      const note = c === next ? SUCCESSION_REASON : `原牵头诉求 ${withdrawn.number} 已撤回，改随 ${next.number} 办理`;
      if (c.residentId) await this.residents.contact(m, { caseNumber: c.number, residentId: c.residentId, kind: 'separated', note, at });
    }
    const ctx = { producer: 'intake', correlationId: next.correlationId, causationId: next.correlationId };
    await publishEvent(m, 'case.separated', { caseNumber: next.number, ...separation, level: plan.level, unitCode: plan.unit.code }, ctx, { caseNumber: next.number });
    await startCaseWorkflow(m, next, plan, next.correlationId);
    return next.number;
  }
}
