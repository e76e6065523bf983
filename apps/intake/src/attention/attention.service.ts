import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notFound } from '@fq/domain';
import { DataSource } from 'typeorm';
import { ResidentsService } from '../residents/residents.service';

const OPEN = `c.status NOT IN ('closed', 'withdrawn')`;

/** What a dispatcher must look at, read from intake's own rows. */
@Injectable()
export class AttentionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly residents: ResidentsService,
  ) {}

  async list() {
    const [emergencies, reportUpward, clusters, policyMissing] = await Promise.all([this.emergencies(), this.reportUpward(), this.clusters(), this.policyMissing()]);
    return { emergencies, reportUpward, clusters, policyMissing, repeatRequesters: await this.residents.repeatRequesters() };
  }

  /** An emergency registered as an ordinary case waits for a grid worker: the dispatcher checks it was handed off too. */
  private emergencies() {
    return this.ds.query(
      `SELECT c.number AS "caseNumber", c.title, c.channel, c.grid_code AS "gridCode", c.triage->'detected'->'handOff' AS "suggestedHandOff", c.triage->'reasons' AS reasons, c.registered_at AS "registeredAt"
         FROM intake.cases c WHERE c.urgency = 'emergency' AND c.disposition = 'dispatched' AND ${OPEN} ORDER BY c.registered_at DESC LIMIT 100`,
    );
  }

  private reportUpward() {
    return this.ds.query(
      `SELECT c.number AS "caseNumber", c.title, c.channel, c.urgency, c.size_class AS size, c.triage->'reasons' AS reasons, c.registered_at AS "registeredAt"
         FROM intake.cases c WHERE c.report_upward AND ${OPEN} ORDER BY c.registered_at DESC LIMIT 100`,
    );
  }

  private clusters() {
    return this.ds.query(
      `SELECT k.id, k.lead_case_number AS "leadCaseNumber", k.category_code AS "categoryCode", k.grid_code AS "gridCode", k.opened_at AS "openedAt",
              (SELECT count(*) FROM intake.cases m WHERE m.cluster_id = k.id)::int AS requests
         FROM intake.clusters k JOIN intake.cases c ON c.number = k.lead_case_number WHERE ${OPEN} ORDER BY requests DESC, k.opened_at DESC LIMIT 100`,
    );
  }

  /**
   * Cases whose workflow found no SLA policy and waits for one (`sla-policy-missing` progress
   * entries): shown from the first such entry until any other progress entry of the case arrives.
   */
  private policyMissing(): Promise<{ caseNumber: string; title: string; reason: string; since: Date }[]> {
    return this.ds.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (p.case_number) c.number AS "caseNumber", c.title, p.details->>'reason' AS reason,
                min(p.at) OVER (PARTITION BY p.case_number) AS since
           FROM intake.case_progress p JOIN intake.cases c ON c.number = p.case_number
          WHERE p.kind = 'sla-policy-missing'
            AND NOT EXISTS (SELECT 1 FROM intake.case_progress q WHERE q.case_number = p.case_number AND q.kind <> 'sla-policy-missing' AND q.at >= p.at)
          ORDER BY p.case_number, p.at DESC) waiting
        ORDER BY since DESC LIMIT 100`,
    );
  }

  /** A cluster (并单): its lead case and every request merged into it. */
  async cluster(id: string) {
    const [k] = await this.ds.query(`SELECT id, lead_case_number AS "leadCaseNumber", category_code AS "categoryCode", grid_code AS "gridCode", opened_at AS "openedAt" FROM intake.clusters WHERE id = $1`, [id]);
    if (!k) throw notFound('CLUSTER_NOT_FOUND', `No cluster has the id ${id}.`);
    const members = await this.ds.query(
      `SELECT number AS "caseNumber", title, channel, status, disposition, requester_name AS "requesterName", requester_phone_masked AS "requesterPhone", registered_at AS "registeredAt"
         FROM intake.cases WHERE cluster_id = $1 ORDER BY registered_at`,
      [id],
    );
    return { ...k, members };
  }
}
