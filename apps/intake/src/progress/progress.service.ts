import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CaseStatus } from '@fq/domain';
import { publishEvent, stepEvent } from '@fq/events';
import { CaseProgress } from '@fq/workflows';
import { DataSource, EntityManager } from 'typeorm';
import { CaseRecord } from '../shared/case.entity';
import { CaseProgressRecord } from './case-progress.entity';
import { followLead } from './cluster-members';
import { ClusterSuccession } from './cluster-succession';

@Injectable()
export class ProgressService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly succession: ClusterSuccession,
  ) {}

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
      // Parsed against the catalogue: a step whose details break their schema fails here, not on Kafka.
      const event = stepEvent(p);
      // A case waiting for an SLA policy has not moved: that step only puts it on the attention list.
      if (p.kind !== 'sla-policy-missing') await this.moveCase(m, p, event.data.status);
      await publishEvent(m, event.type, event.data, { producer: 'intake', correlationId: p.correlationId, causationId: p.id }, { caseNumber: p.caseNumber });
    });
  }

  /** The case row follows the step; requests merged into it follow their lead, except into its requester's withdrawal. */
  private async moveCase(m: EntityManager, p: CaseProgress, status: CaseStatus): Promise<void> {
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
    const lead = await m.findOneByOrFail(CaseRecord, { number: p.caseNumber });
    if (status === 'withdrawn' && lead.clusterId) await this.succession.handOver(m, lead, new Date(p.at));
    else await followLead(m, p.caseNumber);
  }
}
