import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fq/auth';
import { invalid, isUuid } from '@fq/domain';
import { AttentionService } from './attention.service';
import { DocParam, uuidSchema } from '@fq/http';

/** What a dispatcher must look at: emergencies registered as cases, matters to report upward, clusters (并单), cases waiting for an SLA policy, repeat requesters. */
@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/v1')
@Roles('operator', 'town_centre', 'district_centre', 'supervisor', 'leader')
export class AttentionController {
  constructor(private readonly reader: AttentionService) {}

  @Get('triage/attention')
  @ApiOperation({
    summary: 'Open emergencies that were dispatched rather than handed to 110/119/120 (with the service the text points to), open cases to report upward, open clusters with their size, ' +
      'cases whose workflow waits for an SLA policy (policyMissing: case number, title, reason, since), and repeat requesters (phones masked).',
  })
  attention() {
    return this.reader.list();
  }

  @Get('clusters/:id')
  @DocParam('id', uuidSchema)
  @ApiOperation({ summary: 'A cluster (并单): its lead case, handled once, and every request merged into it.' })
  cluster(@Param('id') id: string) {
    if (!isUuid(id)) throw invalid('INVALID_CLUSTER_ID', `"${id}" is not a cluster id (a UUID).`);
    return this.reader.cluster(id);
  }
}
