import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { publishEvent, stepEvent } from '@fq/events';
import { CaseProgress } from '@fq/workflows';
import { DataSource } from 'typeorm';
import { CaseRecord } from '../cases/case.entity';
import { CaseProgressRecord } from './case-progress.entity';

@Injectable()
export class ProgressService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Applies one step the workflow reports: the case row follows it and the matching event is
   * published, in one transaction. The step id makes a retried activity a no-op.
   */
  record(p: CaseProgress): Promise<void> {
    return this.ds.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(CaseProgressRecord)
        .values({ id: p.id, caseNumber: p.caseNumber, kind: p.kind, at: new Date(p.at), level: p.level, unitCode: p.unitCode, details: p.details as object })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 0) return;
      const event = stepEvent(p);
      const { status } = event.data;
      await m.update(
        CaseRecord,
        { number: p.caseNumber },
        {
          status,
          level: p.level,
          unitCode: p.unitCode,
          unitName: p.unitName,
          resolveBy: p.resolveBy ? new Date(p.resolveBy) : null,
          overdue: p.overdue,
          updatedAt: new Date(p.at),
          ...(p.kind === 'reopened' ? { reopenCount: Number(p.details.reopenCount) } : {}),
        },
      );
      // Requests merged into this case (并单) are handled by it and answered with it.
      await m.update(CaseRecord, { mergedInto: p.caseNumber }, { status, level: p.level, unitCode: p.unitCode, unitName: p.unitName, resolveBy: p.resolveBy ? new Date(p.resolveBy) : null, overdue: p.overdue, updatedAt: new Date(p.at) });
      await publishEvent(m, event.type, event.data, { producer: 'intake', correlationId: p.correlationId, causationId: p.id }, { caseNumber: p.caseNumber });
    });
  }
}
