import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IntakeResult } from '../intake/intake-request';
import { ExternalRef, claimExternalRef, seenRef, settleExternalRef } from '../intake/external-refs';
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
    const ref = req.external as ExternalRef;
    const assessed = await this.triage.assess(req);
    const alertOf = (alertId: string): OpinionAnswer => ({ kind: 'alert', alertId, reportUpward: assessed.reportUpward, reasons: assessed.reasons, suggestion: assessed.suggestion });
    const asCase = () => this.intake.accept(req, by, undefined, { assessed }).then((r): OpinionAnswer => ({ kind: 'case', ...r }));
    // What the link already is decides, whatever this post asks for: one case or one alert per link.
    const seen = await seenRef(this.ds.manager, ref);
    if (seen?.caseNumber) return asCase();
    if (seen?.alertId) return alertOf(seen.alertId);
    if (item.as ? item.as === 'case' : Boolean(item.location) && assessed.categorySource !== 'none') return asCase();
    const alert = await this.ds.transaction(async (m): Promise<OpinionAnswer | 'case'> => {
      const earlier = await claimExternalRef(m, ref);
      // Posted at the same moment as a case: the case it became is the answer.
      if (earlier?.caseNumber) return 'case';
      if (earlier?.alertId) return alertOf(earlier.alertId);
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
      return alertOf(alertId);
    });
    return alert === 'case' ? asCase() : alert;
  }
}
