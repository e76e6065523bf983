import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@fq/events';
import { CaseRecord } from '../shared/case.entity';
import { followLead } from './cluster-members';

/**
 * Records the work order on the case. Only the first assignment moves the status: later ones
 * (escalation, reopening, re-routing) arrive through the workflow's progress steps, which may
 * be applied before this event, and must not be undone by it. Members of its cluster follow it.
 */
@Injectable()
export class CaseAssignedConsumer implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on('case.assigned', 'intake.case-assigned', async ({ data }, m) => {
      const assignedAt = new Date(data.assignedAt);
      // A late event about an older work order must not overwrite a newer one.
      await m
        .createQueryBuilder()
        .update(CaseRecord)
        .set({ workOrderId: data.workOrderId, assignedAt, ...(data.resolveBy ? { resolveBy: new Date(data.resolveBy) } : {}) })
        .where('number = :n', { n: data.caseNumber })
        .andWhere('(assigned_at IS NULL OR assigned_at <= :at)', { at: assignedAt })
        .execute();
      await m.update(CaseRecord, { number: data.caseNumber, status: 'registered' }, { status: 'assigned', level: data.level, unitCode: data.unitCode, unitName: data.unitName });
      await followLead(m, data.caseNumber);
    });
  }
}
