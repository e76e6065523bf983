import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal, canSeeUnit } from '@fq/auth';
import { DomainError } from '@fq/domain';
import { publishEvent } from '@fq/events';
import { AssignCaseInput, AssignCaseResult, WorkOrderOutcome } from '@fq/workflows';
import { randomUUID } from 'node:crypto';
import { DataSource, In, Not } from 'typeorm';
import { OPEN_STATUSES, WorkOrder } from './work-order.entity';

@Injectable()
export class WorkOrdersService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Creates the unit's work order and its case.assigned event in one transaction. Idempotent on
   * (case number, level, round): a retried activity gets the same work order and publishes nothing new.
   */
  assign(input: AssignCaseInput): Promise<AssignCaseResult> {
    return this.ds.transaction(async (m) => {
      const existing = await m.findOneBy(WorkOrder, { caseNumber: input.caseNumber, level: input.level, round: input.round });
      if (existing) return { workOrderId: existing.id, assignedAt: existing.createdAt.toISOString() };
      const order = m.create(WorkOrder, {
        id: randomUUID(),
        caseNumber: input.caseNumber,
        level: input.level,
        round: input.round,
        unitCode: input.unitCode,
        unitName: input.unitName,
        title: input.title,
        status: 'open',
        createdAt: new Date(),
        updatedAt: null,
        signBy: input.signBy ? new Date(input.signBy) : null,
        resolveBy: input.resolveBy ? new Date(input.resolveBy) : null,
      });
      await m.insert(WorkOrder, order);
      const assignedAt = order.createdAt.toISOString();
      await publishEvent(
        m,
        'case.assigned',
        { caseNumber: input.caseNumber, workOrderId: order.id, level: input.level, unitCode: input.unitCode, unitName: input.unitName, assignedAt, resolveBy: input.resolveBy ?? null },
        { producer: 'departments', correlationId: input.correlationId, causationId: `case-${input.caseNumber}` },
        { caseNumber: input.caseNumber },
      );
      return { workOrderId: order.id, assignedAt };
    });
  }

  /** Moves a work order on as the case does; repeating the same outcome changes nothing. */
  async update(workOrderId: string, outcome: WorkOrderOutcome): Promise<void> {
    const result = await this.ds.getRepository(WorkOrder).update({ id: workOrderId }, { status: outcome, updatedAt: new Date() });
    if (!result.affected) throw new DomainError('not_found', 'WORK_ORDER_NOT_FOUND', `No work order ${workOrderId}.`);
  }

  /** A unit's work orders; a user sees their own unit's, district-wide roles any unit's. */
  async list(user: Principal, unitCode: string | undefined, status: 'open' | 'closed' | undefined): Promise<WorkOrder[]> {
    const unit = unitCode ?? user.unitCode;
    if (!canSeeUnit(user, unit)) {
      throw new DomainError('forbidden', 'UNIT_OUT_OF_SCOPE', `You work for unit ${user.unitCode} and cannot see the work orders of unit ${unit}.`);
    }
    const statuses = status === 'open' ? In(OPEN_STATUSES) : status === 'closed' ? Not(In(OPEN_STATUSES)) : undefined;
    return this.ds.getRepository(WorkOrder).find({ where: { unitCode: unit, ...(statuses ? { status: statuses } : {}) }, order: { createdAt: 'DESC' }, take: 200 });
  }
}
