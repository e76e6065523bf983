import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Principal } from '@fq/auth';
import { invalid, isUuid, notFound } from '@fq/domain';
import { publishEvent } from '@fq/events';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { settleExternalRef } from '../intake/external-refs';
import { IntakeResult } from '../intake/intake-request';
import { IntakeService } from '../intake/intake.service';
import { fromAlert } from './channel.mapping';
import { AlertCase, AlertList } from './channel.schemas';
import { OpinionAlert, alreadyHandled } from './opinion-alert';

const COLUMNS = `id, source, link, title, text, reach, published_at AS "publishedAt", report_upward AS "reportUpward", reasons, category_code AS "categoryCode",
  state, case_number AS "caseNumber", handled_by AS "handledBy", handled_at AS "handledAt", dismissal_reason AS "dismissalReason", registered_at AS "registeredAt"`;

/**
 * The centre's work on public-opinion alerts: each is handled once, converted into a case (in the
 * same transaction as the case) or dismissed with a reason.
 */
@Injectable()
export class OpinionAlertsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly intake: IntakeService,
  ) {}

  /** Open alerts by default, those to report upward first; handled ones most recent first. */
  async list(q: AlertList) {
    const items: OpinionAlert[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM intake.opinion_alerts WHERE ($1 = 'all' OR state = $1)
         ORDER BY state = 'open' AND report_upward DESC, COALESCE(handled_at, registered_at) DESC, id LIMIT $2 OFFSET $3`,
      [q.state, q.limit, q.offset],
    );
    const [{ total }] = await this.ds.query(`SELECT count(*)::int AS total FROM intake.opinion_alerts WHERE ($1 = 'all' OR state = $1)`, [q.state]);
    return { items, total, limit: q.limit, offset: q.offset };
  }

  /** Registers the alert's matter as a case through the one intake; the alert is marked converted in the same transaction. */
  async convert(id: string, body: AlertCase, by: Principal): Promise<IntakeResult & { alertId: string }> {
    const alert = await this.find(this.ds.manager, id);
    const refused = alreadyHandled(alert);
    if (refused) throw refused;
    const correlationId = randomUUID();
    const result = await this.intake.accept(fromAlert(alert, body), by, correlationId, {
      alongside: async (m, r) => {
        // Locked here: of two dispatchers converting at once, the second is refused and its case rolled back.
        await this.lockOpen(m, id);
        const now = new Date();
        await m.query(`UPDATE intake.opinion_alerts SET state = 'converted', case_number = $2, handled_by = $3, handled_at = $4 WHERE id = $1`, [id, r.caseNumber, by.login, now]);
        // The same link posted again now finds the case.
        await settleExternalRef(m, { source: `opinion:${alert.source}`, id: alert.link }, { caseNumber: r.caseNumber });
        await publishEvent(m, 'opinion.alert.converted', { alertId: id, caseNumber: r.caseNumber, by: by.login, at: now.toISOString() }, { producer: 'intake', correlationId, causationId: id }, { key: id });
      },
    });
    return { alertId: id, ...result };
  }

  async dismiss(id: string, reason: string, by: Principal): Promise<OpinionAlert> {
    return this.ds.transaction(async (m) => {
      await this.lockOpen(m, id);
      const now = new Date();
      await m.query(`UPDATE intake.opinion_alerts SET state = 'dismissed', dismissal_reason = $2, handled_by = $3, handled_at = $4 WHERE id = $1`, [id, reason, by.login, now]);
      await publishEvent(m, 'opinion.alert.dismissed', { alertId: id, reason, by: by.login, at: now.toISOString() }, { producer: 'intake', correlationId: id, causationId: id }, { key: id });
      return this.find(m, id);
    });
  }

  private async find(m: EntityManager, id: string, lock = false): Promise<OpinionAlert> {
    if (!isUuid(id)) throw invalid('INVALID_ALERT_ID', `"${id}" is not an alert id (a UUID from GET /api/v1/channels/opinion/alerts).`);
    const [alert] = await m.query(`SELECT ${COLUMNS} FROM intake.opinion_alerts WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
    if (!alert) throw notFound('ALERT_NOT_FOUND', `No public-opinion alert has the id ${id}.`);
    return alert;
  }

  /** The alert, locked until the transaction ends; refused if it was handled already. */
  private async lockOpen(m: EntityManager, id: string): Promise<OpinionAlert> {
    const alert = await this.find(m, id, true);
    const refused = alreadyHandled(alert);
    if (refused) throw refused;
    return alert;
  }
}
