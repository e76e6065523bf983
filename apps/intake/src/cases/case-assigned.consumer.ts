import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventConsumer } from '@fq/events';
import { CaseRecord } from './case.entity';

/** Records on the case which unit now holds it, when departments announces the work order. */
@Injectable()
export class CaseAssignedConsumer implements OnModuleInit {
  constructor(private readonly consumer: EventConsumer) {}

  onModuleInit(): void {
    this.consumer.on('case.assigned', 'intake.case-assigned', async ({ data }, m) => {
      await m.update(
        CaseRecord,
        { number: data.caseNumber },
        { status: 'assigned', level: data.level, unitCode: data.unitCode, unitName: data.unitName, workOrderId: data.workOrderId, assignedAt: new Date(data.assignedAt) },
      );
    });
  }
}
