import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@fq/auth';
import { ZodQuery } from '@fq/http';
import { z } from 'zod';
import type { Correction } from './corrections';
import { CorrectionsService } from './corrections.service';

const querySchema = z.strictObject({
  since: z.coerce.date({ message: 'must be a date or time, e.g. 2026-11-01 or 2026-11-01T00:00:00+08:00' }),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/**
 * Where people corrected triage: the training data the severity model and the classifier need
 * (ADR 0012). Someone reviews the export and adds it to the labelled fixtures.
 */
@ApiTags('triage')
@ApiBearerAuth()
@Controller('api/v1/triage')
@Roles('admin', 'district_centre')
export class CorrectionsController {
  constructor(private readonly reader: CorrectionsService) {}

  @Get('corrections')
  @ApiOperation({
    summary: "Cases registered since `since` whose category, urgency, size, report-upward flag or hand-off people set differently from triage's reading, " +
      'labelled in the shape of the severity fixtures (phones and ID numbers masked); page on with `next` as `since`.',
  })
  corrections(@ZodQuery(querySchema) q: z.infer<typeof querySchema>): Promise<{ items: Correction[]; next: string | null }> {
    return this.reader.since(q.since, q.limit);
  }
}
