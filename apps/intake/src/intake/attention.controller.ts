import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fq/auth';
import { invalid, notFound } from '@fq/domain';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { REPEAT_CASES, REPEAT_CONTACTS, REPEAT_WINDOW_DAYS } from '../residents/residents.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const OPEN = `c.status NOT IN ('closed', 'withdrawn')`;

/** What a dispatcher must look at: matters to report upward, clusters (并单), repeat requesters. */
@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/v1')
@Roles('operator', 'town_centre', 'district_centre', 'supervisor', 'leader')
export class AttentionController {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get('triage/attention')
  @ApiOperation({ summary: 'Open cases to report upward, open clusters with their size, and repeat requesters (phones masked).' })
  async attention() {
    const reportUpward = await this.ds.query(
      `SELECT c.number AS "caseNumber", c.title, c.channel, c.urgency, c.size_class AS size, c.triage->'reasons' AS reasons, c.registered_at AS "registeredAt"
         FROM intake.cases c WHERE c.report_upward AND ${OPEN} ORDER BY c.registered_at DESC LIMIT 100`,
    );
    const clusters = await this.ds.query(
      `SELECT k.id, k.lead_case_number AS "leadCaseNumber", k.category_code AS "categoryCode", k.grid_code AS "gridCode", k.opened_at AS "openedAt",
              (SELECT count(*) FROM intake.cases m WHERE m.cluster_id = k.id)::int AS requests
         FROM intake.clusters k JOIN intake.cases c ON c.number = k.lead_case_number WHERE ${OPEN} ORDER BY requests DESC, k.opened_at DESC LIMIT 100`,
    );
    const repeatRequesters = await this.ds.query(
      `SELECT r.id, r.name, r.phone_masked AS phone,
              (SELECT count(*) FROM intake.cases c WHERE c.resident_id = r.id AND c.registered_at > now() - make_interval(days => $1))::int AS cases,
              (SELECT count(*) FROM intake.case_contacts k WHERE k.resident_id = r.id AND k.kind = 'repeat' AND k.at > now() - make_interval(days => $1))::int AS repeats
         FROM intake.residents r WHERE r.last_seen_at > now() - make_interval(days => $1)`,
      [REPEAT_WINDOW_DAYS],
    );
    return {
      reportUpward,
      clusters,
      repeatRequesters: (repeatRequesters as { cases: number; repeats: number }[]).filter((r) => r.cases >= REPEAT_CASES || r.repeats >= REPEAT_CONTACTS).slice(0, 100),
    };
  }

  @Get('clusters/:id')
  @ApiOperation({ summary: 'A cluster (并单): its lead case, handled once, and every request merged into it.' })
  async cluster(@Param('id') id: string) {
    if (!UUID.test(id)) throw invalid('INVALID_CLUSTER_ID', `"${id}" is not a cluster id (a UUID).`);
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
