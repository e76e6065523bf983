import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { publishEvent } from '@fq/events';
import { DataSource } from 'typeorm';
import { DispatchPlanner } from '../dispatch/dispatch-planner';
import { startCaseWorkflow } from '../intake/case-workflow';
import { GridLocator } from '../org/grid-locator';
import { ResidentsService } from '../residents/residents.service';
import { CaseRecord, Separation } from '../shared/case.entity';
import { CasesService } from './cases.service';
import { cannotSeparate } from './separation';

/**
 * 拆单: a request wrongly merged into a cluster becomes a case of its own. It is planned from its
 * own category, size and place, and its workflow starts exactly as a new dispatched case's does;
 * the lead and the rest of the cluster are left as they are.
 */
@Injectable()
export class SeparationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CasesService,
    private readonly locator: GridLocator,
    private readonly planner: DispatchPlanner,
    private readonly residents: ResidentsService,
  ) {}

  async separate(number: string, { reason, category }: { reason: string; category?: string }, by: Principal) {
    const found = await this.cases.find(number);
    const refused = cannotSeparate(found);
    if (refused) throw refused;
    const placement = await this.locator.place(found.lat !== null && found.lng !== null ? { lat: found.lat, lng: found.lng } : null);
    // An unknown category is refused here (UNKNOWN_CATEGORY), before anything changes.
    const plan = await this.planner.plan({ categoryCode: category ?? found.categoryCode, size: found.sizeClass, placement });

    await this.ds.transaction(async (m) => {
      // Locked and checked again: two dispatchers separating at once start one workflow.
      const c = await m.findOneOrFail(CaseRecord, { where: { number }, lock: { mode: 'pessimistic_write' } });
      const again = cannotSeparate(c);
      if (again) throw again;
      const now = new Date();
      const separation: Separation = {
        leadCaseNumber: c.mergedInto as string,
        clusterId: c.clusterId as string,
        reason,
        ...(category && category !== c.categoryCode ? { category: { from: c.categoryCode, to: category } } : {}),
        by: by.login,
        at: now.toISOString(),
      };
      await m.update(
        CaseRecord,
        { number },
        {
          disposition: 'dispatched',
          mergedInto: null,
          clusterId: null,
          separation,
          // What it showed of its lead's handling goes; its own workflow reports from here.
          status: 'registered',
          level: plan.level,
          unitCode: plan.unit.code,
          unitName: plan.unit.name,
          departmentMatter: plan.departmentMatter,
          workOrderId: null,
          assignedAt: null,
          resolveBy: null,
          overdue: false,
          updatedAt: now,
          categoryCode: category ?? c.categoryCode,
          triage: { ...c.triage, ...(category ? { categorySource: 'operator' as const } : {}), dispatch: { entryId: plan.entryId, reason: plan.reason } },
        },
      );
      if (c.residentId) await this.residents.contact(m, { caseNumber: number, residentId: c.residentId, kind: 'separated', note: reason, at: now });
      const ctx = { producer: 'intake', correlationId: c.correlationId, causationId: c.correlationId };
      await publishEvent(m, 'case.separated', { caseNumber: number, ...separation, level: plan.level, unitCode: plan.unit.code }, ctx, { caseNumber: number });
      await startCaseWorkflow(m, { ...c, categoryCode: category ?? c.categoryCode }, plan, c.correlationId);
    });
    return this.cases.get(number);
  }
}
