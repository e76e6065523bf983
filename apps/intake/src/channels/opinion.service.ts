import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IntakeResult } from '../intake/intake-request';
import { ExternalRef, claimExternalRef, settleExternalRef } from '../intake/external-refs';
import { IntakeService } from '../intake/intake.service';
import { Triage } from '../intake/triage';
import { OpinionItem } from './channel.schemas';
import { fromOpinion } from './channel.mapping';

export type OpinionAnswer = ({ kind: 'case' } & IntakeResult) | { kind: 'alert'; alertId: string; reportUpward: boolean; reasons: string[]; suggestion: { code: string; name: string; confidence: number } | null };

/**
 * Public-opinion items (舆情). One that names a matter to handle (a place, a known category)
 * becomes a case; the rest are alerts for the centre to watch, flagged when they must go upward.
 * The same link twice is one case or one alert.
 */
@Injectable()
export class OpinionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly intake: IntakeService,
    private readonly triage: Triage,
  ) {}

  async receive(item: OpinionItem, by: Principal): Promise<OpinionAnswer> {
    const req = fromOpinion(item);
    const assessed = await this.triage.assess(req);
    const asCase = item.as ? item.as === 'case' : Boolean(item.location) && assessed.categorySource !== 'none';
    if (asCase) return { kind: 'case', ...(await this.intake.accept(req, by, undefined, { assessed })) };
    return this.ds.transaction(async (m) => {
      const ref = req.external as ExternalRef;
      const earlier = await claimExternalRef(m, ref);
      if (earlier?.alertId) return { kind: 'alert', alertId: earlier.alertId, reportUpward: assessed.reportUpward, reasons: assessed.reasons, suggestion: assessed.suggestion };
      const alertId = randomUUID();
      const now = new Date();
      await m.query(
        `INSERT INTO intake.opinion_alerts (id, source, link, title, text, reach, published_at, report_upward, reasons, category_code, registered_by, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [alertId, item.source, item.link, item.title, item.text, item.reach ?? null, item.publishedAt ?? null, assessed.reportUpward, JSON.stringify(assessed.reasons), assessed.suggestion?.code ?? null, by.login, now],
      );
      await settleExternalRef(m, ref, { alertId });
      await publishEvent(
        m,
        'opinion.alerted',
        { alertId, source: item.source, link: item.link, title: item.title, reportUpward: assessed.reportUpward, reasons: assessed.reasons, at: now.toISOString() },
        { producer: 'intake', correlationId: alertId, causationId: alertId },
        { key: alertId },
      );
      return { kind: 'alert', alertId, reportUpward: assessed.reportUpward, reasons: assessed.reasons, suggestion: assessed.suggestion };
    });
  }
}
