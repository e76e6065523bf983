import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IntakeResult } from '../intake/intake-request';
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
    if (asCase) return { kind: 'case', ...(await this.intake.accept(req, by)) };
    return this.ds.transaction(async (m) => {
      const source = `opinion:${item.source}`;
      const claimed = await m.query(`INSERT INTO intake.external_refs (source, external_id, received_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING RETURNING source`, [source, item.link]);
      if (!claimed.length) {
        const [row] = await m.query(`SELECT alert_id FROM intake.external_refs WHERE source = $1 AND external_id = $2`, [source, item.link]);
        if (row?.alert_id) return { kind: 'alert', alertId: row.alert_id, reportUpward: assessed.reportUpward, reasons: assessed.reasons, suggestion: assessed.suggestion };
      }
      const alertId = randomUUID();
      const now = new Date();
      await m.query(
        `INSERT INTO intake.opinion_alerts (id, source, link, title, text, reach, published_at, report_upward, reasons, category_code, registered_by, registered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [alertId, item.source, item.link, item.title, item.text, item.reach ?? null, item.publishedAt ?? null, assessed.reportUpward, JSON.stringify(assessed.reasons), assessed.suggestion?.code ?? null, by.login, now],
      );
      await m.query(`UPDATE intake.external_refs SET alert_id = $3 WHERE source = $1 AND external_id = $2`, [source, item.link, alertId]);
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

  async alerts(limit = 50) {
    const rows = await this.ds.query(
      `SELECT id, source, link, title, reach, published_at AS "publishedAt", report_upward AS "reportUpward", reasons, category_code AS "categoryCode", status, registered_at AS "registeredAt"
         FROM intake.opinion_alerts ORDER BY report_upward DESC, registered_at DESC LIMIT $1`,
      [limit],
    );
    return { items: rows };
  }
}
