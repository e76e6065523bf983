import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fq/auth';
import { invalid, isUuid, notFound } from '@fq/domain';
import { DocParam, uuidSchema } from '@fq/http';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ResidentsService } from '../residents/residents.service';

const OPEN = `c.status NOT IN ('closed', 'withdrawn')`;

/** What a dispatcher must look at: emergencies registered as cases, matters to report upward, clusters (并单), repeat requesters. */
@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/v1')
@Roles('operator', 'town_centre', 'district_centre', 'supervisor', 'leader')
export class AttentionController {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly residents: ResidentsService,
  ) {}

  @Get('triage/attention')
  @ApiOperation({
    summary: 'Open emergencies that were dispatched rather than handed to 110/119/120 (with the service the text points to), open cases to report upward, open clusters with their size, and repeat requesters (phones masked).',
  })
  async attention() {
    // An emergency registered as an ordinary case waits for a grid worker: the dispatcher checks it was handed off too.
    const emergencies = await this.ds.query(
      `SELECT c.number AS "caseNumber", c.title, c.channel, c.grid_code AS "gridCode", c.triage->'detected'->'handOff' AS "suggestedHandOff", c.triage->'reasons' AS reasons, c.registered_at AS "registeredAt"
         FROM intake.cases c WHERE c.urgency = 'emergency' AND c.disposition = 'dispatched' AND ${OPEN} ORDER BY c.registered_at DESC LIMIT 100`,
    );
    const reportUpward = await this.ds.query(
      `SELECT c.number AS "caseNumber", c.title, c.channel, c.urgency, c.size_class AS size, c.triage->'reasons' AS reasons, c.registered_at AS "registeredAt"
         FROM intake.cases c WHERE c.report_upward AND ${OPEN} ORDER BY c.registered_at DESC LIMIT 100`,
    );
    const clusters = await this.ds.query(
      `SELECT k.id, k.lead_case_number AS "leadCaseNumber", k.category_code AS "categoryCode", k.grid_code AS "gridCode", k.opened_at AS "openedAt",
              (SELECT count(*) FROM intake.cases m WHERE m.cluster_id = k.id)::int AS requests
         FROM intake.clusters k JOIN intake.cases c ON c.number = k.lead_case_number WHERE ${OPEN} ORDER BY requests DESC, k.opened_at DESC LIMIT 100`,
    );
    return { emergencies, reportUpward, clusters, repeatRequesters: await this.residents.repeatRequesters() };
  }

  @Get('clusters/:id')
  @DocParam('id', uuidSchema)
  @ApiOperation({ summary: 'A cluster (并单): its lead case, handled once, and every request merged into it.' })
  async cluster(@Param('id') id: string) {
    if (!isUuid(id)) throw invalid('INVALID_CLUSTER_ID', `"${id}" is not a cluster id (a UUID).`);
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
