import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { CASE_STATUSES, CaseStatus } from '@fq/domain';
import { EventType, publishEvent } from '@fq/events';
import { CaseProgress, CaseProgressKind } from '@fq/workflows';
import { DataSource, EntityManager } from 'typeorm';
import { CaseRecord } from '../shared/case.entity';
import { CaseProgressRecord } from './case-progress.entity';
import { followLead } from './cluster-members';
import { ClusterSuccession } from './cluster-succession';

/** Kinds that only say something to the centre (no SLA policy found yet; a late conference result ignored) have no event of their own here. */
type Announced = Exclude<CaseProgressKind, 'sla-policy-missing' | 'conference-result-ignored'>;

const EVENT: Record<Announced, EventType> = {
  signed: 'case.signed',
  returned: 'case.returned',
  'extension-requested': 'case.extension-requested',
  'extension-decided': 'case.extension-decided',
  escalated: 'case.escalated',
  replied: 'case.replied',
  rated: 'case.rated',
  'callback-due': 'case.callback-due',
  reopened: 'case.reopened',
  closed: 'case.closed',
  withdrawn: 'case.withdrawn',
  supervised: 'case.supervised',
  'sla-changed': 'sla.changed',
  'sla-warning': 'sla.warning',
  'sla-breached': 'sla.breached',
};
const eventOf = (kind: CaseProgressKind): EventType | undefined => (EVENT as Partial<Record<CaseProgressKind, EventType>>)[kind];
const statusOf = (p: CaseProgress): CaseStatus | undefined => (CASE_STATUSES as readonly unknown[]).includes(p.details.status) ? (p.details.status as CaseStatus) : undefined;

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
      const status = statusOf(p);
      if (status) await this.moveCase(m, p, status);
      const type = eventOf(p.kind);
      if (!type) return;
      const data = { caseNumber: p.caseNumber, level: p.level, unitCode: p.unitCode, unitName: p.unitName, status, at: p.at, resolveBy: p.resolveBy, overdue: p.overdue, details: p.details };
      await publishEvent(m, type, data as never, { producer: 'intake', correlationId: p.correlationId, causationId: p.id }, { caseNumber: p.caseNumber });
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
