import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles } from '@fq/auth';
import { ZodQuery } from '@fq/http';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { type Correction, type TriagedCase, correctionOf } from '../triage/corrections';

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
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Get('corrections')
  @ApiOperation({
    summary: "Cases registered since `since` whose category, urgency, size, report-upward flag or hand-off people set differently from triage's reading, " +
      'labelled in the shape of the severity fixtures (phones and ID numbers masked); page on with `next` as `since`.',
  })
  async corrections(@ZodQuery(querySchema) q: z.infer<typeof querySchema>): Promise<{ items: Correction[]; next: string | null }> {
    // Only cases where people said something: an operator's field, a recorded hand-off, or a category set when separating.
    const rows: (TriagedCase & { registeredAt: Date })[] = await this.ds.query(
      `SELECT number, description, category_code AS "categoryCode", urgency, size_class AS "sizeClass", report_upward AS "reportUpward", hand_off AS "handOff",
              triage, separation->'category'->>'to' AS "separatedAs", registered_at AS "registeredAt"
         FROM intake.cases
        WHERE registered_at >= $1 AND triage ? 'detected'
          AND (triage->'operator' <> '{}'::jsonb OR hand_off IS NOT NULL OR separation ? 'category')
        ORDER BY registered_at, number LIMIT $2`,
      [q.since, q.limit],
    );
    const last = rows.at(-1);
    return {
      items: rows.flatMap((r) => correctionOf(r) ?? []),
      // Rows registered in the same instant as the last are read again on the next page: take the caseNumber as the key.
      next: rows.length === q.limit && last ? new Date(last.registeredAt).toISOString() : null,
    };
  }
}
